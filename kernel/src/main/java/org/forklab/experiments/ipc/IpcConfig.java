package org.forklab.experiments.ipc;

import org.forklab.experiments.core.BadParameterException;
import org.forklab.experiments.core.Check;

import java.time.Duration;
import java.util.List;

/**
 * What the communication experiment measures: which channels, which message sizes, how many
 * samples per size, and the time limit for the whole run.
 *
 * @param transports        words from {@link Transport#words()}
 * @param sizes             message payload sizes in bytes, measured in the order given
 * @param latencySamples    round-trip samples kept per size (each may batch several round trips)
 * @param throughputSamples throughput samples kept per size (each a batch of one-way messages)
 * @param timeLimit         the whole run stops past this
 */
public record IpcConfig(List<String> transports, List<Integer> sizes, int latencySamples, int throughputSamples,
                        Duration timeLimit) {
    /** The largest message: two of them must fit each shared-memory ring and every buffer. */
    public static final int MAX_SIZE = 16 << 20;

    public IpcConfig {
        transports = List.copyOf(transports);
        sizes = List.copyOf(sizes);
        if (transports.isEmpty()) {
            throw new BadParameterException("no transport given: accepted " + String.join(", ", Transport.words()));
        }
        for (String t : transports) {
            Check.oneOf("transport", t, Transport.words());
        }
        if (sizes.isEmpty()) {
            throw new BadParameterException("no message size given: give sizes in bytes from 1 to " + MAX_SIZE + ", e.g. 8 1024 65536");
        }
        for (int s : sizes) {
            Check.range("message size (bytes)", s, 1, MAX_SIZE);
        }
        Check.range("latency samples", latencySamples, 1, 100_000);
        Check.range("throughput samples", throughputSamples, 1, 100_000);
        Check.range("time limit (s)", timeLimit.toMillis() / 1000.0, 0.1, 3600, "s");
    }

    /** All transports, four sizes from 8 B to 1 MiB: a few seconds (most of it child JVM start-up). */
    public static IpcConfig defaults() {
        return new IpcConfig(Transport.words(), List.of(8, 512, 32 << 10, 1 << 20), 20, 10, Duration.ofSeconds(120));
    }

    /** A finer sweep: powers of eight from 8 B to 1 MiB (and 1 MiB itself). */
    public static List<Integer> sweep() {
        return List.of(8, 64, 512, 4 << 10, 32 << 10, 256 << 10, 1 << 20);
    }

    public IpcConfig withTransports(List<String> t) {
        return new IpcConfig(t, sizes, latencySamples, throughputSamples, timeLimit);
    }

    public IpcConfig withSizes(List<Integer> s) {
        return new IpcConfig(transports, s, latencySamples, throughputSamples, timeLimit);
    }

    public IpcConfig withLatencySamples(int n) {
        return new IpcConfig(transports, sizes, n, throughputSamples, timeLimit);
    }

    public IpcConfig withThroughputSamples(int n) {
        return new IpcConfig(transports, sizes, latencySamples, n, timeLimit);
    }

    public IpcConfig withTimeLimit(Duration limit) {
        return new IpcConfig(transports, sizes, latencySamples, throughputSamples, limit);
    }

    int maxSize() {
        return sizes.stream().mapToInt(Integer::intValue).max().orElseThrow();
    }
}
