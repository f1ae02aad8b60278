package org.forklab.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;

/**
 * What a set of samples says, in the samples' own unit.
 *
 * <p>Quantiles (median, p10, p90, quartiles) use Commons Math {@code Percentile} with
 * {@code EstimationType.R_7}. {@code meanInterval} is the t interval mean ± t(n−1)·sd/√n;
 * {@code medianInterval} is a percentile bootstrap of the median (see {@link StatsOptions}).
 *
 * @param relativeSpread IQR / median, a scale-free spread (NaN when the median is 0)
 */
public record Summary(int n, double min, double max, double median, double p10, double p90,
                      double q1, double q3, double mean, double sd,
                      Interval meanInterval, Interval medianInterval,
                      TukeyOutliers outliers, double relativeSpread, Bimodality bimodality,
                      List<Warning> warnings) {

    /** Worst/best ratio above which {@link Warning#WIDE_RANGE} is raised, as in %timeit. */
    public static final double WIDE_RANGE_RATIO = 4.0;
    /** IQR/median above which {@link Warning#WIDE_IQR} is raised. */
    public static final double WIDE_IQR_RATIO = 0.5;
    /** Below this many samples {@link Warning#FEW_SAMPLES} is raised. */
    public static final int FEW_SAMPLES = 10;

    public Summary {
        warnings = List.copyOf(warnings);
    }

    public static Summary of(double[] samples) {
        return of(samples, StatsOptions.defaults());
    }

    public static Summary of(double[] samples, StatsOptions options) {
        double[] data = Samples.checked("samples", samples, 1);
        double[] sorted = data.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double median = Quantiles.of(sorted, 0.5);
        double q1 = Quantiles.of(sorted, 0.25);
        double q3 = Quantiles.of(sorted, 0.75);
        double mean = new Mean().evaluate(sorted);
        double sd = n > 1 ? new StandardDeviation().evaluate(sorted) : Double.NaN;
        double confidence = options.confidence();
        Interval meanInterval = n > 1 ? meanInterval(mean, sd, n, confidence) : Interval.undefined(confidence);
        Interval medianInterval = new Bootstrap(options).medianInterval(sorted, confidence);
        TukeyOutliers outliers = TukeyOutliers.count(sorted, q1, q3);
        double relativeSpread = median != 0 ? (q3 - q1) / Math.abs(median) : Double.NaN;
        Bimodality bimodality = Bimodality.assess(sorted);

        double min = sorted[0];
        double max = sorted[n - 1];
        List<Warning> warnings = new ArrayList<>();
        if (min > 0 && max > WIDE_RANGE_RATIO * min) {
            warnings.add(Warning.WIDE_RANGE);
        }
        if (relativeSpread > WIDE_IQR_RATIO) {
            warnings.add(Warning.WIDE_IQR);
        }
        if (bimodality.bimodal()) {
            warnings.add(Warning.BIMODAL);
        }
        if (n < FEW_SAMPLES) {
            warnings.add(Warning.FEW_SAMPLES);
        }
        return new Summary(n, min, max, median, Quantiles.of(sorted, 0.10), Quantiles.of(sorted, 0.90),
                q1, q3, mean, sd, meanInterval, medianInterval, outliers, relativeSpread, bimodality, warnings);
    }

    private static Interval meanInterval(double mean, double sd, int n, double confidence) {
        double t = new TDistribution(n - 1).inverseCumulativeProbability(1 - (1 - confidence) / 2);
        double half = t * sd / Math.sqrt(n);
        return new Interval(mean - half, mean + half, confidence);
    }

    public double iqr() {
        return q3 - q1;
    }

    /** max / min, the ratio %timeit reports ("the slowest run took … times longer"); NaN if min ≤ 0. */
    public double worstToBest() {
        return min > 0 ? max / min : Double.NaN;
    }

    public boolean has(Warning warning) {
        return warnings.contains(warning);
    }
}
