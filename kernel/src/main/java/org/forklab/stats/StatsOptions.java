package org.forklab.stats;

/**
 * Knobs shared by {@link Summary} and {@link Comparison}.
 *
 * @param confidence         level of every interval, in (0, 1); 0.95 by default
 * @param bootstrapResamples resamples for percentile-bootstrap intervals; 2000 by default
 *                           (enough for stable 2.5 %/97.5 % bounds). Cost grows with samples ×
 *                           resamples, about 20–40 ns each on a small VM: 0.1–0.4 s per
 *                           interval for 10⁴ samples, seconds for 10⁵; lower it for huge sets
 * @param seed               seed of the bootstrap's random generator. Fixed by default so the
 *                           same samples always give the same table; change it to see how much
 *                           the bootstrap bounds themselves wobble
 */
public record StatsOptions(double confidence, int bootstrapResamples, long seed) {

    public static final long DEFAULT_SEED = 20_240_601L;

    public StatsOptions {
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be between 0 and 1 (exclusive), got " + confidence
                    + "; use 0.95 for a 95 % interval");
        }
        if (bootstrapResamples < 100) {
            throw new IllegalArgumentException("bootstrapResamples must be at least 100, got " + bootstrapResamples
                    + "; 2000 is the default");
        }
    }

    public static StatsOptions defaults() {
        return new StatsOptions(0.95, 2000, DEFAULT_SEED);
    }

    public StatsOptions withSeed(long newSeed) {
        return new StatsOptions(confidence, bootstrapResamples, newSeed);
    }

    public StatsOptions withResamples(int resamples) {
        return new StatsOptions(confidence, resamples, seed);
    }

    public StatsOptions withConfidence(double level) {
        return new StatsOptions(level, bootstrapResamples, seed);
    }
}
