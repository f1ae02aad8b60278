package org.forklab.experiments.race;

import org.forklab.experiments.core.Deadline;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One trial of W threads racing on one {@link Counter}. The threads are started, wait at a gate
 * so that they really run at the same time, and are always stopped and joined, whatever happens.
 */
final class ThreadTrial {
    /** Increments between checks of the stop flag: long enough for the race, short enough to stop fast. */
    static final int CHUNK = 1 << 16;

    /**
     * @param finalCount      the counter after all workers were joined
     * @param slowestLoopNanos the longest time one worker spent in its increment loop
     * @param overlapNanos    how long all workers were inside their loops at once (0: they took
     *                        turns, and no update could be lost whatever the variant)
     */
    record Outcome(long finalCount, long slowestLoopNanos, long overlapNanos) {
    }

    private ThreadTrial() {
    }

    static Outcome run(RaceVariant variant, int workers, long increments, Deadline deadline) throws InterruptedException {
        Counter counter = new Counter();
        CountDownLatch ready = new CountDownLatch(workers);
        long[] starts = new long[workers];
        long[] ends = new long[workers];
        Throwable[] failure = new Throwable[1];
        StopFlag stop = new StopFlag();
        List<Thread> threads = new ArrayList<>();
        try {
            for (int w = 0; w < workers; w++) {
                int index = w;
                Thread t = new Thread(() -> {
                    ready.countDown();
                    // Spin rather than park at the gate: a parked thread takes tens of microseconds
                    // to wake, long enough for another to finish alone and hide the race.
                    while (!stop.go && !stop.raised) {
                        Thread.onSpinWait();
                    }
                    starts[index] = System.nanoTime();
                    long left = increments;
                    while (left > 0 && !stop.raised) {
                        int chunk = (int) Math.min(left, CHUNK);
                        counter.add(variant, chunk);
                        left -= chunk;
                    }
                    ends[index] = System.nanoTime();
                }, "forklab-race-" + w);
                t.setDaemon(true);
                t.setUncaughtExceptionHandler((th, e) -> failure[0] = e);
                threads.add(t);
                t.start();
            }
            ready.await();
            stop.go = true;
            for (Thread t : threads) {
                while (t.isAlive()) {
                    deadline.check();
                    t.join(50);
                }
            }
        } finally {
            stop.raised = true;
            joinAll(threads);
        }
        if (failure[0] != null) {
            throw new IllegalStateException("a race worker failed: " + failure[0], failure[0]);
        }
        return new Outcome(counter.value(variant), slowest(starts, ends), overlap(starts, ends));
    }

    static long slowest(long[] starts, long[] ends) {
        long slowest = 0;
        for (int i = 0; i < starts.length; i++) {
            slowest = Math.max(slowest, ends[i] - starts[i]);
        }
        return slowest;
    }

    /** The time all intervals share: from the last start to the first end, or 0. */
    static long overlap(long[] starts, long[] ends) {
        long lastStart = Long.MIN_VALUE;
        long firstEnd = Long.MAX_VALUE;
        for (int i = 0; i < starts.length; i++) {
            lastStart = Math.max(lastStart, starts[i]);
            firstEnd = Math.min(firstEnd, ends[i]);
        }
        return Math.max(0, firstEnd - lastStart);
    }

    /** Joins every thread even if this thread is interrupted meanwhile; the interrupt is kept. */
    private static void joinAll(List<Thread> threads) {
        boolean interrupted = false;
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        for (Thread t : threads) {
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

    private static final class StopFlag {
        volatile boolean go;
        volatile boolean raised;
    }
}
