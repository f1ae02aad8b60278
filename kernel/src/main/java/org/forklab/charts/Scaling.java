package org.forklab.charts;

import java.util.Arrays;
import java.util.List;
import org.forklab.stats.Unit;
import org.jfree.chart.axis.LogarithmicAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import java.text.DecimalFormat;

/** Shared helpers: rescale data into the display unit and build linear or log value axes. */
final class Scaling {

    private Scaling() {
    }

    /** The display unit for a chart: the one that suits the median of all values. */
    static Unit displayUnit(Quantity quantity, List<double[]> data) {
        double[] all = data.stream().flatMapToDouble(Arrays::stream).sorted().toArray();
        if (all.length == 0) {
            return quantity.unit();
        }
        return quantity.displayUnitFor(Math.abs(all[all.length / 2]));
    }

    static double[] scaled(double[] values, Unit from, Unit to) {
        double factor = from.convert(1, to);
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i] * factor;
        }
        return out;
    }

    static double min(List<double[]> data) {
        return data.stream().flatMapToDouble(Arrays::stream).min().orElse(Double.NaN);
    }

    static double max(List<double[]> data) {
        return data.stream().flatMapToDouble(Arrays::stream).max().orElse(Double.NaN);
    }

    /** A value axis: log (plain decimal tick labels, not 10^n) or linear. */
    static ValueAxis valueAxis(String label, boolean log, boolean includeZero) {
        if (log) {
            // LogarithmicAxis puts ticks at 1, 2, 3 … 10, 20 …, readable numbers; LogAxis would
            // label fractional decades (158.489, 251.189)
            LogarithmicAxis axis = new LogarithmicAxis(label);
            axis.setStrictValuesFlag(false);
            axis.setAutoRangeNextLogFlag(true);
            axis.setNumberFormatOverride(new DecimalFormat("#,##0.###"));
            return axis;
        }
        NumberAxis axis = new NumberAxis(label);
        axis.setAutoRangeIncludesZero(includeZero);
        return axis;
    }
}
