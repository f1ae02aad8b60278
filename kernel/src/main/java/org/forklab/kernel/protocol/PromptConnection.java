package org.forklab.kernel.protocol;

import io.github.spencerpark.jupyter.channels.JupyterConnection;
import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;
import io.github.spencerpark.jupyter.messages.HMACGenerator;
import io.github.spencerpark.jupyter.messages.Message;
import io.github.spencerpark.jupyter.messages.publish.PublishStatus;
import org.zeromq.ZMQ;

import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;

/**
 * basekernel's connection with {@link PromptShellChannel}s in place of its shell and control
 * channels and a {@link SteadyHeartbeat} in place of its heartbeat; stdin and iopub are basekernel's own.
 */
public final class PromptConnection extends JupyterConnection {
    private final KernelConnectionProperties properties;
    private final ZMQ.Context context;
    private final PromptShellChannel promptShell;
    private final PromptShellChannel promptControl;
    private final SteadyHeartbeat steadyHeartbeat;
    private final java.util.concurrent.CountDownLatch closed = new java.util.concurrent.CountDownLatch(1);

    public PromptConnection(KernelConnectionProperties properties)
            throws NoSuchAlgorithmException, InvalidKeyException {
        super(properties);
        this.properties = properties;
        // A context of our own: basekernel's is private; it is closed after our sockets.
        this.context = ZMQ.context(1);
        HMACGenerator hmac = properties.createHMACGenerator();
        // One history for both: a request replayed onto the other channel is a replay too.
        SeenSignatures seen = new SeenSignatures();
        this.promptShell = new PromptShellChannel(context, hmac, false, this, seen);
        this.promptControl = new PromptShellChannel(context, hmac, true, this, seen);
        this.steadyHeartbeat = new SteadyHeartbeat(context, hmac);
    }

    @Override
    public void connect() {
        steadyHeartbeat.bind(properties); // basekernel's heartbeat stays unbound
        // No high-water mark: a PUB socket drops what does not fit, without a word; the kernel
        // bounds what a cell publishes instead (CellOutput).
        iopub.setSndHWM(0);
        iopub.bind(properties);
        stdin.bind(properties);
        promptControl.bind(properties);
        promptShell.bind(properties);
        getIOPub().sendMessage(new Message<>(null, PublishStatus.MESSAGE_TYPE, PublishStatus.STARTING));
    }

    @Override
    public synchronized void close() {
        if (closed.getCount() == 0) {
            return;
        }
        promptShell.close();
        promptControl.close();
        steadyHeartbeat.close();
        super.close();
        // term() returns once every socket of the context is closed, and the shell loop closes
        // its own only when the running cell lets go of its thread: a cell that ignores the stop
        // would hold shutdown forever. So term runs apart and the kernel need not wait for it.
        Thread term = new Thread(context::close, "forklab-zmq-term");
        term.setDaemon(true);
        term.start();
        closed.countDown();
    }

    /**
     * Returns once the connection is closed and the channel threads ended, or at most two seconds
     * later: a cell that refuses to stop must not keep the kernel process alive after shutdown.
     */
    @Override
    public void waitUntilClose() {
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        promptShell.waitUntilClose(2_000);
        promptControl.waitUntilClose(2_000);
    }
}
