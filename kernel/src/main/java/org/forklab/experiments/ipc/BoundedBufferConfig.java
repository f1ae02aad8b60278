package org.forklab.experiments.ipc;

import org.forklab.experiments.core.BadParameterException;
import org.forklab.experiments.core.Check;

import java.time.Duration;
import java.util.List;

/**
 * The producer/consumer experiment: one producer sends the numbers 0, 1, 2, … through a bounded
 * buffer to one consumer, which checks that each arrives once and in order.
 *
 * @param mechanisms words from {@link #MECHANISMS}
 * @param items      items per timed block
 * @param capacity   slots in the buffer (threads and shared ring; a pipe holds what the kernel gives it, 64 KiB)
 * @param trials     timed blocks kept, after one cold block reported apart
 * @param timeLimit  the whole run stops past this
 */
public record BoundedBufferConfig(List<String> mechanisms, long items, int capacity, int trials, Duration timeLimit) {
    public static final String THREADS = "threads";
    public static final String SHARED_RING = "processes-shared-ring";
    public static final String PIPE = "processes-pipe";
    public static final List<String> MECHANISMS = List.of(THREADS, SHARED_RING, PIPE);

    public BoundedBufferConfig {
        mechanisms = List.copyOf(mechanisms);
        if (mechanisms.isEmpty()) {
            throw new BadParameterException("no mechanism given: accepted " + String.join(", ", MECHANISMS));
        }
        for (String m : mechanisms) {
            Check.oneOf("mechanism", m, MECHANISMS);
        }
        Check.range("items per block", items, 1, 100_000_000);
        Check.range("buffer capacity (items)", capacity, 1, 1 << 20);
        Check.range("trials", trials, 1, 1_000);
        Check.range("time limit (s)", timeLimit.toMillis() / 1000.0, 0.1, 3600, "s");
    }

    /** Threads and both process variants, 100,000 items per block, 5 blocks, 64 slots. */
    public static BoundedBufferConfig defaults() {
        return new BoundedBufferConfig(MECHANISMS, 100_000, 64, 5, Duration.ofSeconds(60));
    }

    public BoundedBufferConfig withMechanisms(List<String> m) {
        return new BoundedBufferConfig(m, items, capacity, trials, timeLimit);
    }

    public BoundedBufferConfig withItems(long n) {
        return new BoundedBufferConfig(mechanisms, n, capacity, trials, timeLimit);
    }

    public BoundedBufferConfig withCapacity(int n) {
        return new BoundedBufferConfig(mechanisms, items, n, trials, timeLimit);
    }

    public BoundedBufferConfig withTrials(int n) {
        return new BoundedBufferConfig(mechanisms, items, capacity, n, timeLimit);
    }

    public BoundedBufferConfig withTimeLimit(Duration limit) {
        return new BoundedBufferConfig(mechanisms, items, capacity, trials, limit);
    }
}
