package org.forklab.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.stat.descriptive.moment.Mean;

/**
 * The figures a Tukey box plot draws: R-7 quartiles and median, whiskers at the most extreme
 * samples within 1.5 IQR of the box, every sample beyond them as an outlier, and the mean.
 * Cheaper than {@link Summary} (no bootstrap), for charts.
 */
public record BoxStats(double mean, double q1, double median, double q3,
                       double lowWhisker, double highWhisker, double min, double max,
                       List<Double> outliers) {

    public BoxStats {
        outliers = List.copyOf(outliers);
    }

    public static BoxStats of(double[] samples) {
        double[] sorted = Samples.checked("samples", samples, 1);
        Arrays.sort(sorted);
        double q1 = Quantiles.of(sorted, 0.25);
        double q3 = Quantiles.of(sorted, 0.75);
        double iqr = q3 - q1;
        double lowFence = q1 - 1.5 * iqr;
        double highFence = q3 + 1.5 * iqr;
        double lowWhisker = Double.NaN;
        double highWhisker = Double.NaN;
        List<Double> outliers = new ArrayList<>();
        for (double v : sorted) {
            if (v < lowFence || v > highFence) {
                outliers.add(v);
            } else {
                if (Double.isNaN(lowWhisker)) {
                    lowWhisker = v;
                }
                highWhisker = v;
            }
        }
        return new BoxStats(new Mean().evaluate(sorted), q1, Quantiles.of(sorted, 0.5), q3,
                lowWhisker, highWhisker, sorted[0], sorted[sorted.length - 1], outliers);
    }
}
