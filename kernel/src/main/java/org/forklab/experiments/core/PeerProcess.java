package org.forklab.experiments.core;


import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A child process that the parent talks to while it runs (core's Children.run closes the
 * child's stdin at once, which suits run-to-completion children, not peers). Standard error is
 * drained into a tail on its own thread; standard input and output are the parent's to use.
 * Closing it closes stdin (our children exit on end of input), waits briefly, then kills the
 * whole tree and reaps it, so no path leaves the child behind.
 */
public final class PeerProcess implements AutoCloseable {
    private static final int TAIL_LINES = 20;

    private final Process process;
    private final Thread errDrainer;
    private final Deque<String> errTail = new ArrayDeque<>();
    private final String name;

    private PeerProcess(Process process, String name) {
        this.process = process;
        this.name = name;
        this.errDrainer = new Thread(this::drainErrors, "forklab-peer-stderr");
        errDrainer.setDaemon(true);
        errDrainer.start();
    }

    /** Starts {@code command} (argument words, no shell) with piped stdin, stdout and stderr. */
    public static PeerProcess start(List<String> command, String name) throws IOException {
        return new PeerProcess(new ProcessBuilder(command).start(), name);
    }

    /** Wraps an already started process (e.g. one stage of a pipeline) the same way. */
    public static PeerProcess of(Process process, String name) {
        return new PeerProcess(process, name);
    }

    public Process process() {
        return process;
    }

    public long pid() {
        return process.pid();
    }

    public OutputStream stdin() {
        return process.getOutputStream();
    }

    public InputStream stdout() {
        return process.getInputStream();
    }

    /** Throws, with the tail of its error output, when the child has ended. */
    public void ensureAlive() throws IOException {
        if (!process.isAlive()) {
            throw new IOException(describeEnd());
        }
    }

    /** Waits up to {@code millis} for the child to end by itself; true if it did. */
    public boolean awaitExit(long millis) throws InterruptedException {
        return process.waitFor(millis, TimeUnit.MILLISECONDS);
    }

    /** One line on how the child ended, with its last error output. */
    public String describeEnd() {
        try {
            errDrainer.join(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String how = process.isAlive() ? "is still running" : "exited with status " + process.exitValue();
        String tail;
        synchronized (errTail) {
            tail = String.join("\n", errTail);
        }
        return tail.isBlank() ? name + " " + how : name + " " + how + "; its last error output:\n" + tail;
    }

    @Override
    public void close() {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // already closed or the child is gone: nothing to flush
        }
        boolean ended = false;
        try {
            ended = process.waitFor(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!ended) {
            Children.killTree(process.toHandle());
        }
        try {
            process.getInputStream().close();
        } catch (IOException e) {
            // nothing left to read
        }
        boolean interrupted = Thread.interrupted();
        try {
            errDrainer.join(2_000);
        } catch (InterruptedException e) {
            interrupted = true;
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void drainErrors() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                synchronized (errTail) {
                    errTail.addLast(line);
                    if (errTail.size() > TAIL_LINES) {
                        errTail.removeFirst();
                    }
                }
            }
        } catch (IOException e) {
            // the child is gone
        }
    }
}
