package org.forklab.charts;

import java.util.Arrays;
import java.util.List;
import org.forklab.stats.Unit;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;

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

    /** A value axis: log ({@link ReadableLogAxis}, round-number labels) or linear. */
    static ValueAxis valueAxis(String label, boolean log, boolean includeZero) {
        if (log) {
            return new ReadableLogAxis(label);
        }
        NumberAxis axis = new NumberAxis(label);
        axis.setAutoRangeIncludesZero(includeZero);
        return axis;
    }

    /**
     * The value axis for {@code quantity} shown in {@code shown}: whole counts get integer ticks
     * and, like any quantity that starts at zero, a zero baseline when linear.
     */
    static ValueAxis valueAxis(Quantity quantity, Unit shown, boolean log, boolean startsAtZero) {
        ValueAxis axis = valueAxis(quantity.label(shown), log, startsAtZero || quantity.whole());
        if (axis instanceof NumberAxis number && quantity.whole()) {
            number.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        }
        return axis;
    }

}
