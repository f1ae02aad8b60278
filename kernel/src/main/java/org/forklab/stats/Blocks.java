package org.forklab.stats;

/**
 * Medians of consecutive blocks of a run's samples. Samples taken one after another share the
 * machine's state of the moment, so they are not independent draws: a comparison that counts
 * every sample calls a slow drift, or two runs that each drifted a little, "significant". A
 * block median summarises one stretch of time, and a test on block medians counts stretches.
 */
public final class Blocks {
    /** Blocks per run for {@link #medians(double[])}: enough for a rank test, long enough to smooth a stretch. */
    public static final int DEFAULT = 10;

    private Blocks() {
    }

    public static double[] medians(double[] samples) {
        return medians(samples, DEFAULT);
    }

    /** The median of each of {@code blocks} consecutive, nearly equal stretches (fewer when there are fewer samples). */
    public static double[] medians(double[] samples, int blocks) {
        double[] v = Samples.checked("samples", samples, 1);
        int k = Math.max(1, Math.min(blocks, v.length));
        double[] out = new double[k];
        for (int b = 0; b < k; b++) {
            int from = (int) ((long) v.length * b / k);
            int to = (int) ((long) v.length * (b + 1) / k);
            double[] part = java.util.Arrays.copyOfRange(v, from, to);
            out[b] = Quantiles.of(part, 0.5);
        }
        return out;
    }
}
