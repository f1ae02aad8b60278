package org.forklab.experiments.sandbox;

import org.forklab.experiments.core.ChildResult;
import org.forklab.experiments.core.ChildSpec;
import org.forklab.experiments.core.Children;
import org.forklab.experiments.core.JavaChild;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs forklab's own main classes in child JVMs that may crash, exit or run out of memory
 * without touching the caller. Each child gets a capped heap, a quick-start JVM setup and a time
 * limit; {@link Children} drains its streams and kills and reaps its whole tree on time-out or
 * interrupt.
 */
public final class Sandbox {
    private Sandbox() {
    }

    /**
     * JVM options of every sandbox child: the heap cap; the serial collector and C1 only, which
     * start fastest and keep the child to few threads; no perf-data file; a crash log in the
     * temporary folder rather than the notebook's working folder; no core dumps.
     */
    public static List<String> jvmOptions(SandboxLimits limits, List<String> extra) {
        List<String> options = new ArrayList<>(List.of(
                "-Xmx" + (limits.heapBytes() >> 20) + "m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-XX:-UsePerfData",
                "-XX:-CreateCoredumpOnCrash",
                "-XX:ErrorFile=" + Path.of(System.getProperty("java.io.tmpdir"), "forklab-hs_err_%p.log"),
                "-Djava.awt.headless=true"));
        options.addAll(extra);
        return options;
    }

    /** The spec for one sandbox child running {@code mainClass} with {@code args}. */
    public static ChildSpec spec(Class<?> mainClass, List<String> args, SandboxLimits limits, List<String> extraJvmOptions) {
        return ChildSpec.of(JavaChild.command(mainClass, jvmOptions(limits, extraJvmOptions), args), limits.timeLimit());
    }

    /** Runs one sandbox child to its end (or its time limit) and reports how it ended. */
    public static ChildResult run(Class<?> mainClass, List<String> args, SandboxLimits limits,
                                  List<String> extraJvmOptions) throws IOException, InterruptedException {
        return Children.run(spec(mainClass, args, limits, extraJvmOptions));
    }

    /**
     * Runs several children at once and waits for all. On interrupt every runner is interrupted,
     * which makes {@link Children#run} kill its child's tree; this returns only when all are reaped.
     */
    public static List<ChildResult> runAll(List<ChildSpec> specs) throws IOException, InterruptedException {
        if (specs.isEmpty()) {
            return List.of();
        }
        AtomicInteger n = new AtomicInteger();
        List<Thread> runners = new CopyOnWriteArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(specs.size(), task -> {
            Thread t = new Thread(task, "forklab-sandbox-" + n.incrementAndGet());
            t.setDaemon(true);
            runners.add(t);
            return t;
        });
        try {
            List<Future<ChildResult>> futures = new ArrayList<>();
            for (ChildSpec spec : specs) {
                futures.add(pool.submit(() -> Children.run(spec)));
            }
            List<ChildResult> results = new ArrayList<>();
            for (Future<ChildResult> f : futures) {
                results.add(f.get());
            }
            return results;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof InterruptedException ie) {
                throw ie;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
            awaitUninterruptibly(pool, runners);
        }
    }

    /**
     * Waits for the runners to finish killing their children, and for their threads to end (a
     * pool reports itself terminated a moment before its last thread is gone), even if this
     * thread is interrupted meanwhile; the interrupt is kept.
     */
    private static void awaitUninterruptibly(ExecutorService pool, List<Thread> runners) {
        boolean interrupted = false;
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!pool.isTerminated() && System.nanoTime() < end) {
            try {
                pool.awaitTermination(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        for (Thread t : runners) {
            while (t.isAlive() && System.nanoTime() < end) {
                try {
                    t.join(100);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
