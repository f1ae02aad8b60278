package org.forklab.experiments.core;

import java.time.Duration;

/**
 * How to sample one operation.
 *
 * @param coldOps      first operations timed one by one and reported apart (0 for none)
 * @param warmupOps    operations run and discarded before sampling, so JIT and caches settle
 * @param samples      warm samples to keep
 * @param opsPerSample operations timed together per sample; 0 chooses a batch so that one
 *                     sample lasts at least {@code minSampleTime} (the clock costs ~25 ns here,
 *                     so a 1 µs operation timed alone would be 2–3 % clock)
 * @param minSampleTime the shortest sample when batching is chosen automatically
 * @param timeLimit    the whole measurement stops (with an exception) past this
 */
public record SamplingPlan(int coldOps, int warmupOps, int samples, int opsPerSample,
                           Duration minSampleTime, Duration timeLimit) {

    /**
     * The most samples one measurement takes: every experiment's config and magic name this bound,
     * and the native probe (probe.c, plan keys) refuses more with the same figure.
     */
    public static final int MAX_SAMPLES = 100_000;

    public SamplingPlan {
        Check.range("cold operations", coldOps, 0, 1_000);
        Check.range("warm-up operations", warmupOps, 0, 10_000_000);
        Check.range("samples", samples, 1, MAX_SAMPLES);
        Check.range("operations per sample", opsPerSample, 0, 10_000_000);
    }

    /** A plan suited to operations of a few microseconds to a few milliseconds. */
    public static SamplingPlan standard(int samples) {
        return new SamplingPlan(3, 200, samples, 0, Duration.ofNanos(20_000), Duration.ofSeconds(60));
    }

    public SamplingPlan withSamples(int n) {
        return new SamplingPlan(coldOps, warmupOps, n, opsPerSample, minSampleTime, timeLimit);
    }

    public SamplingPlan withWarmup(int n) {
        return new SamplingPlan(coldOps, n, samples, opsPerSample, minSampleTime, timeLimit);
    }

    public SamplingPlan withTimeLimit(Duration limit) {
        return new SamplingPlan(coldOps, warmupOps, samples, opsPerSample, minSampleTime, limit);
    }
}
