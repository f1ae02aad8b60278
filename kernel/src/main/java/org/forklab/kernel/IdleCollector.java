package org.forklab.kernel;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One full collection once the kernel has been idle for a while after a cell. A kernel lives for
 * a whole lesson, and each cell's compile leaves the young generation grown and touched; G1 gives
 * that memory back only when a collection shrinks the heap, and its periodic collection (the
 * installer's -XX:G1PeriodicGCInterval) is concurrent, which leaves eden as large as the busiest
 * cell made it. A full collection between cells shrinks the committed heap to the live data plus
 * -XX:MaxHeapFreeRatio. It runs only while no cell runs, and a cell that starts first cancels it.
 */
final class IdleCollector implements AutoCloseable {
    /** How long the kernel waits after a cell: a student reading or typing, not a cell run next. */
    static final Duration DEFAULT_IDLE = Duration.ofMillis(1500);
    /** -Dforklab.idleCollectMillis=N (0: never) in the kernelspec's JVM options. */
    static final String IDLE_PROPERTY = "forklab.idleCollectMillis";

    /** When to run a task: a scheduler in the kernel, a list a test runs by hand. */
    interface Timer extends AutoCloseable {
        Future<?> after(Duration delay, Runnable task);

        @Override
        void close();
    }

    private final Duration idle;
    private final Runnable collect;
    private final Timer timer;
    /** Counts cell starts: a collection scheduled before the latest start does not run. */
    private long cells;
    private boolean running;
    private Future<?> pending;

    IdleCollector(Duration idle, Runnable collect, Timer timer) {
        this.idle = idle;
        this.collect = collect;
        this.timer = timer;
    }

    /** The kernel's collector: System.gc after {@link #IDLE_PROPERTY} ms, or never if it is 0. */
    static IdleCollector forKernel() {
        long millis = Long.getLong(IDLE_PROPERTY, DEFAULT_IDLE.toMillis());
        return new IdleCollector(Duration.ofMillis(Math.max(0, millis)), System::gc, daemonTimer());
    }

    private static Timer daemonTimer() {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "forklab-idle-gc");
            thread.setDaemon(true);
            return thread;
        });
        return new Timer() {
            @Override
            public Future<?> after(Duration delay, Runnable task) {
                return executor.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
            }

            @Override
            public void close() {
                executor.shutdownNow();
            }
        };
    }

    synchronized void cellStarted() {
        cells++;
        running = true;
        if (pending != null) {
            pending.cancel(false);
            pending = null;
        }
    }

    synchronized void cellEnded() {
        running = false;
        if (idle.isZero()) {
            return;
        }
        long scheduledAfter = cells;
        pending = timer.after(idle, () -> collectIfStillIdle(scheduledAfter));
    }

    private void collectIfStillIdle(long scheduledAfter) {
        synchronized (this) {
            if (running || cells != scheduledAfter) {
                return; // a cell started since: the collection would only delay it
            }
            pending = null;
        }
        collect.run();
    }

    synchronized boolean hasPendingCollection() {
        return pending != null;
    }

    @Override
    public void close() {
        timer.close();
    }
}
