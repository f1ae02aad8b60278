package org.forklab.experiments.core;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs child processes so that none outlives its run: both streams are drained at once (a
 * child blocked on a full pipe would otherwise hang forever), and on time-out, interrupt or
 * error the whole tree below the child is killed and reaped before control returns.
 */
public final class Children {
    private static final int STDOUT_CAP = 64 << 20;
    private static final int STDERR_TAIL_LINES = 30;

    private Children() {
    }

    public static ChildResult run(ChildSpec spec) throws IOException, InterruptedException {
        return run(spec, Duration.ZERO);
    }

    /**
     * As {@link #run(ChildSpec)}, but a child stopped at its time limit or by an interrupt gets
     * SIGTERM first and {@code grace} to end its own tree (the probe's {@code contain} does so
     * without escapes); what is left after that is killed from here.
     */
    public static ChildResult run(ChildSpec spec, Duration grace) throws IOException, InterruptedException {
        // Under setpriv --pdeathsig: a child dies with the kernel even when that is killed outright.
        ProcessBuilder builder = new ProcessBuilder(DeathSignal.wrap(spec.command()));
        builder.environment().putAll(spec.environment());
        long start = System.nanoTime();
        Process process = builder.start();
        process.getOutputStream().close();
        StringBuilder out = new StringBuilder();
        Deque<String> errTail = new ArrayDeque<>();
        Thread outDrainer = drain(process.getInputStream(), line -> {
            synchronized (out) {
                if (out.length() < STDOUT_CAP) {
                    out.append(line).append('\n');
                }
            }
            spec.onStdoutLine().accept(line);
        });
        Thread errDrainer = drain(process.getErrorStream(), line -> {
            synchronized (errTail) {
                errTail.addLast(line);
                if (errTail.size() > STDERR_TAIL_LINES) {
                    errTail.removeFirst();
                }
            }
            spec.onStderrLine().accept(line);
        });
        boolean finished;
        try {
            finished = process.waitFor(spec.timeLimit().toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            stop(process, grace);
            throw e;
        }
        if (!finished) {
            stop(process, grace);
            // The handle's onExit can complete before Process's own reaper has recorded the exit;
            // without this wait exitValue() below throws IllegalThreadStateException under load.
            process.waitFor(10, TimeUnit.SECONDS);
        }
        // One short deadline for both readers: after the tree is dead they see end of input at
        // once, unless something that escaped holds the pipe; that must not delay the answer.
        long drainEnd = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(finished ? 2_000 : 300);
        outDrainer.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(drainEnd - System.nanoTime())));
        errDrainer.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(drainEnd - System.nanoTime())));
        long elapsed = System.nanoTime() - start;
        String stdout;
        synchronized (out) {
            stdout = out.toString();
        }
        String tail;
        synchronized (errTail) {
            tail = String.join("\n", errTail);
        }
        return new ChildResult(spec.command(), process.exitValue(), !finished, stdout, tail, elapsed);
    }

    private static void stop(Process process, Duration grace) {
        if (!grace.isZero()) {
            process.destroy();
            try {
                if (process.waitFor(grace.toNanos(), TimeUnit.NANOSECONDS)) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        killTree(process.toHandle());
    }

    /** Kills a process and everything below it: {@link ProcessTree#killTree}, the one policy. */
    public static void killTree(ProcessHandle root) {
        ProcessTree.killTree(root);
    }

    private static Thread drain(InputStream stream, Consumer<String> sink) {
        Thread t = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    sink.accept(line);
                }
            } catch (IOException e) {
                // the child closed its end or was killed: nothing more to read
            }
        }, "forklab-drain");
        t.setDaemon(true);
        t.start();
        return t;
    }
}
