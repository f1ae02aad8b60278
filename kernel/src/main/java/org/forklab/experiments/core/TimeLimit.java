package org.forklab.experiments.core;

import java.time.Duration;

/**
 * The accepted time limit of a whole experiment run, written once: every config checks it and
 * the magics' {@code --timeout} options declare it.
 */
public final class TimeLimit {
    /** A second at least, so that a run has time to start its first child and to clean up. */
    public static final int MIN_SECONDS = 1;
    public static final int MAX_SECONDS = 3_600;

    private TimeLimit() {
    }

    /** Requires {@value #MIN_SECONDS} s to {@value #MAX_SECONDS} s. */
    public static Duration check(Duration limit) {
        Check.range("time limit (s)", limit.toNanos() / 1e9, MIN_SECONDS, MAX_SECONDS, "s");
        return limit;
    }
}
