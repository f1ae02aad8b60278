package org.forklab.magics.explore;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs a panel's magic, one run at a time, on one worker thread. A request while a run is going
 * interrupts that run (the experiments stop and reap their children when interrupted) and the
 * next starts only once the worker is free again; requests that pile up meanwhile collapse into
 * the latest, so a quick series of changes costs one run, with the last values.
 */
public final class Explorer implements AutoCloseable {
    /** One run of the magic with these arguments; an interrupt must end it. */
    @FunctionalInterface
    public interface Run {
        void run(long number, List<String> args) throws InterruptedException;
    }

    private final ExecutorService worker;
    private final Run run;
    private final AtomicLong latest = new AtomicLong();
    private Future<?> current;
    private volatile Thread running;

    public Explorer(String name, Run run) {
        this.run = run;
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "forklab-explore-" + name);
            t.setDaemon(true);
            return t;
        });
    }

    /** Asks for a run with {@code args}: stops the one going, if any, and queues this one. */
    public synchronized Future<?> request(List<String> args) {
        long number = latest.incrementAndGet();
        Thread busy = running;
        if (busy != null) {
            busy.interrupt();
        }
        current = worker.submit(() -> {
            running = Thread.currentThread();
            try {
                if (number != latest.get()) {
                    return; // a later request superseded this one before it started
                }
                run.run(number, args);
            } catch (InterruptedException stopped) {
                // the run ended because a newer one was asked for; that one follows
            } finally {
                running = null;
                Thread.interrupted();
            }
        });
        return current;
    }

    /** Whether a run is going now. */
    public boolean busy() {
        return running != null;
    }

    @Override
    public void close() {
        Thread busy = running;
        if (busy != null) {
            busy.interrupt();
        }
        worker.shutdownNow();
    }
}
