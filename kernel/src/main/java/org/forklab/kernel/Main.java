package org.forklab.kernel;

import io.github.spencerpark.jupyter.channels.JupyterConnection;
import io.github.spencerpark.jupyter.channels.JupyterSocket;
import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;
import org.forklab.kernel.protocol.PromptConnection;
import org.forklab.kernel.install.InstallCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;

/**
 * {@code java -jar forklab-kernel.jar CONNECTION_FILE} runs the kernel (what Jupyter does);
 * {@code java -jar forklab-kernel.jar install ...} writes the kernelspec.
 */
@Command(name = "forklab-kernel", mixinStandardHelpOptions = true, versionProvider = KernelVersion.class,
        subcommands = InstallCommand.class,
        description = "The forklab Java kernel for Jupyter.")
public final class Main implements Callable<Integer> {
    /**
     * A shutdown request ends the process within this. jupyter_client sends SIGTERM after half its
     * shutdown_wait_time (2.5 s by default; the shutdown hook then kills the children); a client
     * that waits longer still sees the kernel go, with exit status 0.
     */
    static final long EXIT_DEADLINE_MILLIS = 8_000;

    /** Argument of the installer's class-data-sharing training run; not for people. */
    public static final String CDS_TRAINING = "--cds-training";

    @Parameters(paramLabel = "CONNECTION_FILE", arity = "0..1",
            description = "The connection file Jupyter wrote; the kernel runs until Jupyter shuts it down.")
    Path connectionFile;

    public static void main(String[] args) throws Exception {
        // The launch path Jupyter uses skips picocli: every millisecond before kernel_info counts.
        if (args.length == 1 && !args[0].startsWith("-") && Files.isRegularFile(Path.of(args[0]))) {
            runKernel(Path.of(args[0]));
            return;
        }
        if (args.length == 1 && args[0].equals(CDS_TRAINING)) {
            PrintStream err = System.err; // cells in the training swap System.err for the kernel's
            try {
                CdsTraining.run();
            } catch (Throwable failed) {
                // Without this the kernel's own threads would keep the JVM, and the installer, waiting.
                failed.printStackTrace(err);
                System.exit(1);
            }
            System.exit(0);
        }
        System.exit(new CommandLine(new Main()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (connectionFile == null) {
            new CommandLine(this).usage(System.err);
            return 2;
        }
        if (!Files.isRegularFile(connectionFile)) {
            System.err.println(notAConnectionFile(connectionFile.toString()));
            return 2;
        }
        runKernel(connectionFile);
        return 0;
    }

    /**
     * The one line for an argument that is no connection file. A bare word is far more likely a
     * mistyped sub-command ("instal") than a connection file, so it is answered as one.
     */
    static String notAConnectionFile(String argument) {
        java.util.Set<String> subcommands = new CommandLine(new Main()).getSubcommands().keySet();
        boolean bareWord = argument.matches("[A-Za-z][A-Za-z-]*");
        if (!bareWord) {
            return "forklab-kernel: no connection file at " + argument
                    + " (Jupyter passes the path of the connection file it wrote)";
        }
        String hint = org.forklab.spi.Suggestions.hint(argument, new java.util.TreeSet<>(subcommands), name -> name);
        return "forklab-kernel: '" + argument + "' is neither a sub-command nor a connection file" + hint
                + " (sub-commands: " + String.join(", ", subcommands) + "; see --help)";
    }

    static void runKernel(Path connectionFile) throws Exception {
        // basekernel logs every message at INFO; Jupyter's log should show only problems.
        java.util.logging.Logger.getLogger("").setLevel(Level.WARNING);
        JupyterSocket.JUPYTER_LOGGER.setLevel(Level.WARNING);
        KernelConnectionProperties properties =
                KernelConnectionProperties.parse(Files.readString(connectionFile, StandardCharsets.UTF_8));
        ExecutorService background = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "forklab-warm-up");
            thread.setDaemon(true);
            return thread;
        });
        JupyterConnection connection = serve(properties, background);
        closeWhenParentEnds(connection);
        connection.waitUntilClose();
        background.shutdownNow();
        // Cells may have left threads running; the kernel process ends with the connection.
        System.exit(0);
    }

    /**
     * A kernel whose Jupyter server was killed would live on with no one to talk to, and so would
     * the processes its cells started. ipykernel watches its parent for this; so does forklab: when
     * the process that launched the kernel ends, the kernel closes its connection and exits (the
     * shutdown hook kills the children).
     */
    static void closeWhenParentEnds(JupyterConnection connection) {
        ProcessHandle.current().parent().filter(parent -> parent.pid() > 1).ifPresent(parent ->
                parent.onExit().thenRun(() -> {
                    java.util.logging.Logger.getLogger(Main.class.getName()).warning(
                            "the process that started the kernel (pid " + parent.pid() + ") ended; the kernel exits too");
                    connection.close();
                }));
    }

    /** Binds the kernel's sockets and starts its background work; the connection runs on its own threads. */
    static JupyterConnection serve(KernelConnectionProperties properties, ExecutorService background) throws Exception {
        JupyterConnection connection = new PromptConnection(properties);
        ForklabKernel kernel = new ForklabKernel();
        // Jupyter sends SIGTERM to a kernel slow to shut down, and a closing terminal SIGINT or
        // SIGHUP; the JVM then runs its hooks but not onShutdown: children must not outlive it.
        Runtime.getRuntime().addShutdownHook(new Thread(kernel::killChildren, "forklab-kill-children"));
        kernel.exitAtMostAfterShutdown(EXIT_DEADLINE_MILLIS);
        kernel.collectWhenIdle(IdleCollector.forKernel());
        kernel.becomeHandlerForConnection(connection);
        connection.connect();
        kernel.startBackgroundWork(background);
        return connection;
    }
}
