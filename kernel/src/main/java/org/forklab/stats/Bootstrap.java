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
