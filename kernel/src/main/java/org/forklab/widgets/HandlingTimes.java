package org.forklab.widgets;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * How long the shell thread spent on each of the last front-end comm messages, from the comm
 * manager's handler to its return (widget checks, state, the echo_update on iopub, observers),
 * in wall time and in the thread's own CPU time. Wall time far above CPU time means the thread
 * was waiting (for a core on a loaded machine, or for a lock), not working. Read by
 * bench/widgets_bench.py through a cell; kept in a fixed ring, so it costs nothing to keep.
 */
public final class HandlingTimes {
    private static final int KEPT = 4096;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final long[] WALL = new long[KEPT];
    private static final long[] CPU = new long[KEPT];
    private static long count;

    private HandlingTimes() {
    }

    /** One handled message; the caller timed it with {@link #now()} and {@link #cpuNow()}. */
    static synchronized void record(long wallNanos, long cpuNanos) {
        int slot = (int) (count++ % KEPT);
        WALL[slot] = wallNanos;
        CPU[slot] = cpuNanos;
    }

    static long now() {
        return System.nanoTime();
    }

    /** The calling thread's CPU time, or -1 where the JVM does not measure it. */
    static long cpuNow() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : -1;
    }

    /** Forgets what was recorded (a benchmark starts its measured part here). */
    public static synchronized void reset() {
        count = 0;
    }

    /** Wall times of the recorded messages, oldest first, in nanoseconds. */
    public static synchronized long[] wallNanos() {
        return recent(WALL);
    }

    /** CPU times of the recorded messages, oldest first, in nanoseconds (-1 if not measured). */
    public static synchronized long[] cpuNanos() {
        return recent(CPU);
    }

    private static long[] recent(long[] ring) {
        int n = (int) Math.min(count, KEPT);
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = ring[(int) ((count - n + i) % KEPT)];
        }
        return out;
    }
}
