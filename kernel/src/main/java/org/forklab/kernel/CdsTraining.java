package org.forklab.kernel;

import com.google.gson.JsonObject;
import io.github.spencerpark.jupyter.channels.JupyterConnection;
import io.github.spencerpark.jupyter.channels.JupyterSocket;
import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;
import io.github.spencerpark.jupyter.messages.Header;
import io.github.spencerpark.jupyter.messages.Message;
import io.github.spencerpark.jupyter.messages.MessageType;
import io.github.spencerpark.jupyter.messages.request.CompleteRequest;
import io.github.spencerpark.jupyter.messages.request.ExecuteRequest;
import io.github.spencerpark.jupyter.messages.request.InspectRequest;
import io.github.spencerpark.jupyter.messages.request.IsCompleteRequest;
import io.github.spencerpark.jupyter.messages.request.KernelInfoRequest;
import io.github.spencerpark.jupyter.messages.request.ShutdownRequest;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * What the installer runs once under -XX:ArchiveClassesAtExit: a real kernel on loopback sockets,
 * driven by a client in this JVM through what a notebook's first seconds send (kernel_info, a
 * magic, Java cells with output, a value and an error, completion, inspection, shutdown), so the
 * class-data archive holds the protocol path too: ZeroMQ, message signing, JSON, basekernel's
 * messages, and not only JShell.
 */
final class CdsTraining {
    /** A reply that does not come within this ends the training (the installer goes on without the archive). */
    private static final int REPLY_MILLIS = 60_000;

    private CdsTraining() {
    }

    static void run() throws Exception {
        KernelConnectionProperties properties = loopbackProperties();
        ExecutorService background = Executors.newSingleThreadExecutor();
        JupyterConnection connection = Main.serve(properties, background);
        ZMQ.Context context = ZMQ.context(1);
        try (Client shell = new Client(context, properties, properties.getShellPort());
             Client control = new Client(context, properties, properties.getControlPort())) {
            shell.ask(KernelInfoRequest.MESSAGE_TYPE, new KernelInfoRequest());
            shell.execute("%lsmagic");
            shell.execute("int trained = 1 + 1;\nSystem.out.println(trained);\ntrained * 21");
            shell.execute("Objects.requireNonNull(null, \"planned\")");
            shell.ask(CompleteRequest.MESSAGE_TYPE, new CompleteRequest("Math.ma", 7));
            shell.ask(IsCompleteRequest.MESSAGE_TYPE, new IsCompleteRequest("for (int i = 0; i < 3; i++) {"));
            shell.ask(InspectRequest.MESSAGE_TYPE, new InspectRequest("Math.max", 8, 0));
            control.ask(ShutdownRequest.MESSAGE_TYPE, ShutdownRequest.SHUTDOWN);
        }
        connection.waitUntilClose();
        background.shutdownNow();
        context.close();
    }

    private static KernelConnectionProperties loopbackProperties() throws IOException {
        JsonObject json = new JsonObject();
        json.addProperty("ip", "127.0.0.1");
        json.addProperty("transport", "tcp");
        json.addProperty("signature_scheme", "hmac-sha256");
        json.addProperty("key", UUID.randomUUID().toString());
        for (String port : new String[] {"shell_port", "control_port", "stdin_port", "hb_port", "iopub_port"}) {
            json.addProperty(port, freePort());
        }
        return KernelConnectionProperties.parse(json.toString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** A DEALER socket speaking basekernel's own wire format, as jupyter_client's shell client does. */
    private static final class Client extends JupyterSocket implements AutoCloseable {
        private static final String SESSION = UUID.randomUUID().toString();

        Client(ZMQ.Context context, KernelConnectionProperties properties, int port) throws Exception {
            super(context, SocketType.DEALER, properties.createHMACGenerator(), JUPYTER_LOGGER);
            setReceiveTimeOut(REPLY_MILLIS);
            connect(formatAddress(properties.getTransport(), properties.getIp(), port));
        }

        @Override
        public void bind(KernelConnectionProperties properties) {
            throw new UnsupportedOperationException("a client connects");
        }

        void execute(String code) {
            ask(ExecuteRequest.MESSAGE_TYPE, new ExecuteRequest(code, false, true, Map.of(), false, true));
        }

        <T> void ask(MessageType<T> type, T content) {
            sendMessage(new Message<>(new Header<>(SESSION, type), content));
            // The reply's frames are only awaited, not decoded: basekernel's reader cannot read an
            // error reply as a client, and the kernel never decodes replies anyway.
            if (recv() == null) {
                throw new IllegalStateException("no reply to " + type.getName() + " within " + REPLY_MILLIS + " ms");
            }
            while (hasReceiveMore()) {
                recv();
            }
        }
    }
}
