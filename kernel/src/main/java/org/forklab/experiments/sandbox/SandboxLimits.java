package org.forklab.experiments.sandbox;

import org.forklab.experiments.core.Caps;
import org.forklab.experiments.core.Check;

import java.time.Duration;

/**
 * The limits of one sandbox child JVM.
 *
 * @param heapBytes the child's -Xmx (an out-of-memory run fills this and no more)
 * @param timeLimit the child is killed, with everything below it, past this
 */
public record SandboxLimits(long heapBytes, Duration timeLimit) {
    /** Room a JVM needs beyond its heap (metaspace, code cache, thread stacks), for the memory cap. */
    public static final long JVM_OVERHEAD_BYTES = 96L << 20;
    static final long MIN_HEAP = 16L << 20;
    static final long MAX_HEAP = 4L << 30;

    public SandboxLimits {
        Check.range("sandbox heap (MiB)", heapBytes >> 20, MIN_HEAP >> 20, MAX_HEAP >> 20);
        Check.range("sandbox time limit (ms)", timeLimit.toMillis(), 100, 600_000);
    }

    /** 64 MiB of heap and 30 seconds: enough for every experiment here at its default size. */
    public static SandboxLimits defaults() {
        return new SandboxLimits(64L << 20, Duration.ofSeconds(30));
    }

    public SandboxLimits withHeapBytes(long bytes) {
        return new SandboxLimits(bytes, timeLimit);
    }

    public SandboxLimits withTimeLimit(Duration limit) {
        return new SandboxLimits(heapBytes, limit);
    }

    /** Memory {@code children} such sandboxes may take together, checked against the memory cap. */
    public long checkMemoryFor(int children, Caps caps, String raiseWith) {
        return caps.checkMemory((heapBytes + JVM_OVERHEAD_BYTES) * children, raiseWith);
    }
}
