package org.forklab.experiments.switching;

import org.forklab.experiments.core.TimeLimit;
import org.forklab.experiments.core.BadParameterException;
import org.forklab.experiments.core.Check;

import java.time.Duration;
import java.util.List;

/**
 * What the context-switch experiment measures.
 *
 * @param modes           what carries the byte (threads or processes, pipe, futex, queue)
 * @param placements      where the two sides run
 * @param runs            fresh pairs per mode and placement: each run keeps its own samples and median,
 *                        since a scheduler's choice can differ between runs (bimodal results)
 * @param samples         warm samples per run
 * @param warmup          round trips discarded at the start of each run
 * @param coldOps         first round trips timed one by one and kept apart
 * @param roundTripsPerSample round trips timed together per sample; 0 chooses so a sample lasts at least 20 µs
 * @param timeLimit       the whole experiment stops past this
 */
public record SwitchConfig(List<SwitchMode> modes, List<Placement> placements, int runs, int samples, int warmup,
                           int coldOps, int roundTripsPerSample, Duration timeLimit) {
    // The accepted ranges, written once: the config checks them and %pingpong's options declare them.
    public static final int MAX_RUNS = 1_000;
    public static final int MAX_SAMPLES = org.forklab.experiments.core.SamplingPlan.MAX_SAMPLES;
    public static final int MAX_WARMUP = 1_000_000;
    public static final int MAX_COLD = 1_000;
    public static final int MAX_BATCH = 1_000_000;

    public SwitchConfig {
        modes = List.copyOf(modes);
        placements = List.copyOf(placements);
        if (modes.isEmpty()) {
            throw new BadParameterException("no mode given: accepted " + String.join(", ", SwitchMode.words())
                    + "; try thread-pipe,process-pipe");
        }
        if (placements.isEmpty()) {
            throw new BadParameterException("no placement given: accepted " + String.join(", ", Placement.words())
                    + "; try same-cpu");
        }
        Check.range("runs", runs, 1, MAX_RUNS);
        Check.range("samples", samples, 1, MAX_SAMPLES);
        Check.range("warm-up round trips", warmup, 0, MAX_WARMUP);
        Check.range("cold round trips", coldOps, 0, MAX_COLD);
        Check.range("round trips per sample", roundTripsPerSample, 0, MAX_BATCH);
        TimeLimit.check(timeLimit);
    }

    /** Every mode in every placement, 5 runs of 50 samples: a few seconds. */
    public static SwitchConfig defaults() {
        return new SwitchConfig(List.of(SwitchMode.values()), List.of(Placement.values()), 5, 50, 200, 3, 0,
                Duration.ofSeconds(120));
    }

    public SwitchConfig withModes(List<SwitchMode> m) {
        return new SwitchConfig(m, placements, runs, samples, warmup, coldOps, roundTripsPerSample, timeLimit);
    }

    public SwitchConfig withPlacements(List<Placement> p) {
        return new SwitchConfig(modes, p, runs, samples, warmup, coldOps, roundTripsPerSample, timeLimit);
    }

    public SwitchConfig withRuns(int n) {
        return new SwitchConfig(modes, placements, n, samples, warmup, coldOps, roundTripsPerSample, timeLimit);
    }

    public SwitchConfig withSamples(int n) {
        return new SwitchConfig(modes, placements, runs, n, warmup, coldOps, roundTripsPerSample, timeLimit);
    }

    public SwitchConfig withWarmup(int n) {
        return new SwitchConfig(modes, placements, runs, samples, n, coldOps, roundTripsPerSample, timeLimit);
    }

    public SwitchConfig withColdOps(int n) {
        return new SwitchConfig(modes, placements, runs, samples, warmup, n, roundTripsPerSample, timeLimit);
    }

    public SwitchConfig withRoundTripsPerSample(int n) {
        return new SwitchConfig(modes, placements, runs, samples, warmup, coldOps, n, timeLimit);
    }

    public SwitchConfig withTimeLimit(Duration limit) {
        return new SwitchConfig(modes, placements, runs, samples, warmup, coldOps, roundTripsPerSample, limit);
    }
}
