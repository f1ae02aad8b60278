package org.forklab.charts;

import java.util.List;
import org.forklab.stats.Summary;

/**
 * One line of a sweep: at each x a central y (median or mean) and an interval [low, high],
 * for instance fork time (median and its 95 % interval) at each size of touched memory.
 */
public record SweepSeries(String label, double[] x, double[] y, double[] low, double[] high) {

    public SweepSeries {
        if (label == null || x == null || y == null || low == null || high == null || x.length == 0) {
            throw new IllegalArgumentException("a sweep series needs a label and at least one point");
        }
        if (y.length != x.length || low.length != x.length || high.length != x.length) {
            throw new IllegalArgumentException("sweep '" + label + "': x, y, low and high must have the same length ("
                    + x.length + ", " + y.length + ", " + low.length + ", " + high.length + ")");
        }
        x = x.clone();
        y = y.clone();
        low = low.clone();
        high = high.clone();
    }

    /** Medians and their bootstrap intervals, one summary per x. */
    public static SweepSeries ofMedians(String label, double[] x, List<Summary> summaries) {
        int n = summaries.size();
        double[] y = new double[n];
        double[] low = new double[n];
        double[] high = new double[n];
        for (int i = 0; i < n; i++) {
            Summary s = summaries.get(i);
            y[i] = s.median();
            low[i] = s.medianInterval().isDefined() ? s.medianInterval().low() : s.median();
            high[i] = s.medianInterval().isDefined() ? s.medianInterval().high() : s.median();
        }
        return new SweepSeries(label, x, y, low, high);
    }

    @Override
    public double[] x() {
        return x.clone();
    }

    @Override
    public double[] y() {
        return y.clone();
    }

    @Override
    public double[] low() {
        return low.clone();
    }

    @Override
    public double[] high() {
        return high.clone();
    }
}
