package org.forklab.stats;

import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * Percentile bootstrap (Efron): resample with replacement, recompute the statistic, take the
 * α/2 and 1−α/2 quantiles of the replicates. Hand-written because Commons Math 3.6.1 has no
 * bootstrap; the randomness (Well19937c) and the quantiles still come from Commons Math.
 */
final class Bootstrap {

    private final RandomGenerator random;
    private final int resamples;

    Bootstrap(StatsOptions options) {
        this.random = new Well19937c(options.seed());
        this.resamples = options.bootstrapResamples();
    }

    /** One resample of {@code data}, drawn with replacement, same size. */
    double[] resample(double[] data) {
        double[] drawn = new double[data.length];
        for (int i = 0; i < drawn.length; i++) {
            drawn[i] = data[random.nextInt(data.length)];
        }
        return drawn;
    }

    /**
     * Percentile interval of the median. Same draws and same result as
     * {@code interval(sorted, median, confidence)}, but fast enough for 10⁵ samples: a resample
     * of sorted data is the same data with multiplicities, so counting how often each index is
     * drawn and walking the counts finds the resample's R-7 median in O(n), without copying or
     * selecting.
     */
    Interval medianInterval(double[] sorted, double confidence) {
        int[] counts = new int[sorted.length];
        double[] replicates = new double[resamples];
        for (int r = 0; r < resamples; r++) {
            replicates[r] = resampledMedian(sorted, counts);
        }
        return percentileInterval(replicates, confidence);
    }

    /** Median ratio b/a of independent resamples of sorted a and sorted b (drawn a first, then b). */
    Interval medianRatioInterval(double[] sortedA, double[] sortedB, double confidence) {
        int[] countsA = new int[sortedA.length];
        int[] countsB = new int[sortedB.length];
        double[] replicates = new double[resamples];
        for (int r = 0; r < resamples; r++) {
            double medianA = resampledMedian(sortedA, countsA);
            double medianB = resampledMedian(sortedB, countsB);
            replicates[r] = medianA != 0 ? medianB / medianA : Double.NaN;
        }
        return percentileInterval(replicates, confidence);
    }

    /** R-7 median of one resample of {@code sorted}: h = (n−1)/2, interpolate order statistics ⌊h⌋ and ⌊h⌋+1. */
    private double resampledMedian(double[] sorted, int[] counts) {
        int n = sorted.length;
        java.util.Arrays.fill(counts, 0);
        for (int i = 0; i < n; i++) {
            counts[random.nextInt(n)]++;
        }
        double h = (n - 1) / 2.0;
        int lowRank = (int) Math.floor(h);
        int highRank = Math.min(lowRank + 1, n - 1);
        double low = Double.NaN;
        int seen = 0;
        for (int i = 0; i < n; i++) {
            seen += counts[i];
            if (Double.isNaN(low) && seen > lowRank) {
                low = sorted[i];
            }
            if (seen > highRank) {
                return low + (h - lowRank) * (sorted[i] - low);
            }
        }
        throw new AssertionError("counts sum to n");
    }

    /** Percentile interval of a one-sample statistic. */
    Interval interval(double[] data, ToDoubleFunction<double[]> statistic, double confidence) {
        double[] replicates = new double[resamples];
        for (int r = 0; r < resamples; r++) {
            replicates[r] = statistic.applyAsDouble(resample(data));
        }
        return percentileInterval(replicates, confidence);
    }

    /** Percentile interval of a two-sample statistic; a and b are resampled independently. */
    Interval interval(double[] a, double[] b, TwoSampleStatistic statistic, double confidence) {
        double[] replicates = new double[resamples];
        for (int r = 0; r < resamples; r++) {
            replicates[r] = statistic.of(resample(a), resample(b));
        }
        return percentileInterval(replicates, confidence);
    }

    static Interval percentileInterval(double[] replicates, double confidence) {
        for (double v : replicates) {
            if (Double.isNaN(v)) {
                return Interval.undefined(confidence);
            }
        }
        double alpha = 1 - confidence;
        return new Interval(Quantiles.of(replicates, alpha / 2), Quantiles.of(replicates, 1 - alpha / 2),
                confidence);
    }

    @FunctionalInterface
    interface TwoSampleStatistic {
        double of(double[] a, double[] b);
    }
}
