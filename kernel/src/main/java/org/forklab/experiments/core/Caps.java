package org.forklab.experiments.core;

/**
 * Safety caps for one experiment run. Virtual threads are cheap in tasks (they share carrier
 * threads) but not in memory, so they have a cap of their own.
 */
public record Caps(long maxThreads, long maxProcesses, long maxVirtualThreads, long maxMemoryBytes) {

    public static Caps defaults() {
        return Limits.read().defaultCaps();
    }

    /** Checks a requested thread count, naming the option that raises the cap. */
    public long checkThreads(long requested, String raiseWith) {
        return Check.cap("threads", requested, maxThreads, raiseWith);
    }

    public long checkProcesses(long requested, String raiseWith) {
        return Check.cap("processes", requested, maxProcesses, raiseWith);
    }

    public long checkVirtualThreads(long requested, String raiseWith) {
        return Check.cap("virtual threads", requested, maxVirtualThreads, raiseWith);
    }

    public long checkMemory(long requestedBytes, String raiseWith) {
        return Check.cap("memory (bytes)", requestedBytes, maxMemoryBytes, raiseWith);
    }

    /** These caps raised to {@code wanted} where asked, but never past {@code hard}. */
    public Caps raisedTo(Caps wanted, Caps hard) {
        return new Caps(Math.min(Math.max(maxThreads, wanted.maxThreads), hard.maxThreads),
                Math.min(Math.max(maxProcesses, wanted.maxProcesses), hard.maxProcesses),
                Math.min(Math.max(maxVirtualThreads, wanted.maxVirtualThreads), hard.maxVirtualThreads),
                Math.min(Math.max(maxMemoryBytes, wanted.maxMemoryBytes), hard.maxMemoryBytes));
    }
}
