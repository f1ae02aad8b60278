package org.forklab.experiments.ipc;

import org.forklab.experiments.core.TimeLimit;
import org.forklab.experiments.core.BadParameterException;
import org.forklab.experiments.core.Check;
import org.forklab.experiments.switching.Placement;

import java.time.Duration;
import java.util.List;

/**
 * What the communication experiment measures: which channels, under which placements, which
 * message sizes, how many samples per size, and the time limit for the whole run.
 *
 * @param transports        words from {@link Transport#words()}
 * @param placements        where the two ends run, as in the ping-pong; each transport runs under each
 * @param sizes             message payload sizes in bytes; their samples are interleaved in rounds
 * @param latencySamples    round-trip samples kept per size (each may batch several round trips)
 * @param throughputSamples throughput samples kept per size (each a batch of one-way messages)
 * @param timeLimit         the whole run stops past this
 */
public record IpcConfig(List<String> transports, List<Placement> placements, List<Integer> sizes, int latencySamples,
                        int throughputSamples, Duration timeLimit) {
    /** The largest message: two of them must fit each shared-memory ring and every buffer. */
    public static final int MAX_SIZE = 16 << 20;
    /** Latency and throughput samples per size, each. */
    public static final int MAX_SAMPLES = org.forklab.experiments.core.SamplingPlan.MAX_SAMPLES;

    public IpcConfig {
        transports = List.copyOf(transports);
        placements = List.copyOf(placements);
        sizes = List.copyOf(sizes);
        if (transports.isEmpty()) {
            throw new BadParameterException("no transport given: accepted " + String.join(", ", Transport.words()));
        }
        for (String t : transports) {
            Check.oneOf("transport", t, Transport.words());
        }
        if (placements.isEmpty()) {
            throw new BadParameterException("no placement given: accepted " + String.join(", ", Placement.words()));
        }
        if (sizes.isEmpty()) {
            throw new BadParameterException("no message size given: give sizes in bytes from 1 to " + MAX_SIZE + ", e.g. 8 1024 65536");
        }
        for (int s : sizes) {
            Check.range("message size (bytes)", s, 1, MAX_SIZE);
        }
        Check.range("latency samples", latencySamples, 1, MAX_SAMPLES);
        Check.range("throughput samples", throughputSamples, 1, MAX_SAMPLES);
        TimeLimit.check(timeLimit);
    }

    /** All transports left to the scheduler, four sizes from 8 B to 1 MiB. */
    public static IpcConfig defaults() {
        return new IpcConfig(Transport.words(), List.of(Placement.SCHEDULER), List.of(8, 512, 32 << 10, 1 << 20), 20, 10,
                Duration.ofSeconds(120));
    }

    /** A finer sweep: powers of eight from 8 B to 1 MiB (and 1 MiB itself). */
    public static List<Integer> sweep() {
        return List.of(8, 64, 512, 4 << 10, 32 << 10, 256 << 10, 1 << 20);
    }

    public IpcConfig withTransports(List<String> t) {
        return new IpcConfig(t, placements, sizes, latencySamples, throughputSamples, timeLimit);
    }

    public IpcConfig withPlacements(List<Placement> p) {
        return new IpcConfig(transports, p, sizes, latencySamples, throughputSamples, timeLimit);
    }

    public IpcConfig withSizes(List<Integer> s) {
        return new IpcConfig(transports, placements, s, latencySamples, throughputSamples, timeLimit);
    }

    public IpcConfig withLatencySamples(int n) {
        return new IpcConfig(transports, placements, sizes, n, throughputSamples, timeLimit);
    }

    public IpcConfig withThroughputSamples(int n) {
        return new IpcConfig(transports, placements, sizes, latencySamples, n, timeLimit);
    }

    public IpcConfig withTimeLimit(Duration limit) {
        return new IpcConfig(transports, placements, sizes, latencySamples, throughputSamples, limit);
    }

    /**
     * Refuses, in one line, a placement this process cannot be given: two CPUs when it may use
     * only one. {@code allowedCpus} is the list the process may run on.
     */
    public void checkPlacements(List<Integer> allowedCpus) {
        if (placements.contains(Placement.TWO_CPUS) && allowedCpus.size() < 2) {
            throw new BadParameterException("placement two-cpus needs two CPUs, but this process may use only CPU "
                    + allowedCpus + ": accepted here same-cpu, scheduler");
        }
    }

    int maxSize() {
        return sizes.stream().mapToInt(Integer::intValue).max().orElseThrow();
    }
}
