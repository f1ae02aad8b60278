package org.forklab.experiments.core;

import java.time.Duration;

/**
 * A time limit for one experiment run, checked between steps together with the thread's
 * interrupt flag, so that a kernel interrupt or a limit ends work within one step.
 */
public final class Deadline {
    private final long endNanos;
    private final Duration limit;

    private Deadline(Duration limit) {
        this.limit = limit;
        this.endNanos = System.nanoTime() + limit.toNanos();
    }

    public static Deadline after(Duration limit) {
        return new Deadline(limit);
    }

    public Duration limit() {
        return limit;
    }

    public long remainingNanos() {
        return Math.max(0, endNanos - System.nanoTime());
    }

    public boolean expired() {
        return System.nanoTime() - endNanos >= 0;
    }

    /** Throws if the thread was interrupted or the limit has passed. */
    public void check() throws InterruptedException {
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedException("interrupted");
        }
        if (expired()) {
            throw new ExperimentTimeoutException(limit);
        }
    }
}
