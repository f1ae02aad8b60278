package org.forklab.experiments.core;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
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
        ProcessBuilder builder = new ProcessBuilder(spec.command());
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
            killTree(process.toHandle());
            throw e;
        }
        if (!finished) {
            killTree(process.toHandle());
            // The handle's onExit can complete before Process's own reaper has recorded the exit;
            // without this wait exitValue() below throws IllegalThreadStateException under load.
            process.waitFor(10, TimeUnit.SECONDS);
        }
        outDrainer.join(2_000);
        errDrainer.join(2_000);
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

    /**
     * Kills a process and everything below it and waits until none of them runs below this JVM.
     * Killed grandchildren whose parent died first are re-parented to the container's init,
     * which may take a second to reap them; they are dead already (SIGKILL cannot be caught),
     * so we wait only until they have left our tree or are gone.
     */
    public static void killTree(ProcessHandle root) {
        List<ProcessHandle> below = root.descendants().toList();
        // Stop the root first so it cannot start new children while we kill the ones we saw.
        root.destroyForcibly();
        below.forEach(ProcessHandle::destroyForcibly);
        root.onExit().completeOnTimeout(root, 2, TimeUnit.SECONDS).join();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (System.nanoTime() < end && below.stream().anyMatch(Children::stillOurs)) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static boolean stillOurs(ProcessHandle h) {
        return h.isAlive() && ProcessHandle.current().descendants().anyMatch(d -> d.pid() == h.pid());
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
