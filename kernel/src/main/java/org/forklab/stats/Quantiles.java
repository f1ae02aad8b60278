package org.forklab.stats;

import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;

/** The one quantile estimator used everywhere: Commons Math R-7 (R's default, NumPy's linear). */
public final class Quantiles {

    private Quantiles() {
    }

    static Percentile estimator() {
        return new Percentile().withEstimationType(EstimationType.R_7);
    }

    /** The median of {@code values}; NaN for none. */
    public static double median(double[] values) {
        return of(values, 0.5);
    }

    /** Quantile {@code q} in [0, 1] of {@code values}; Percentile takes p in (0, 100]. */
    static double of(double[] values, double q) {
        if (q == 0) {
            double min = Double.POSITIVE_INFINITY;
            for (double v : values) {
                min = Math.min(min, v);
            }
            return min;
        }
        return estimator().evaluate(values, q * 100);
    }
}
