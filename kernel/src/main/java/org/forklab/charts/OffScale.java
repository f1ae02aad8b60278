package org.forklab.charts;

import java.util.List;
import org.forklab.stats.BoxStats;
import org.forklab.stats.Unit;
import org.jfree.chart.annotations.CategoryTextAnnotation;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.ui.TextAnchor;

/**
 * Samples of one box beyond the plotted range, marked at the axis edge with their count and
 * their extreme ("↑ 2 beyond, up to 16.6 ms"), so a reader knows they exist and how far out.
 */
record OffScale(String category, boolean upper, int count, double extreme, double edge, Unit shown) {

    /** The value axis range: data extremes, or a little past the whiskers when a few samples lie far out. */
    record Range(double low, double high) {
    }

    /** Beyond this many whisker spans outside all whiskers a linear axis stops following the samples. */
    private static final double FAR = 3;
    /** How far past the whiskers such an axis ends, in whisker spans. */
    private static final double KEEP = 0.6;
    private static final double MARGIN = 0.05;

    static Range range(List<BoxStats> boxes, double min, double max, boolean log, boolean fromZero) {
        if (log) {
            double pad = Math.pow(max / min, MARGIN);
            return new Range(min / pad, max * pad);
        }
        double coreLow = boxes.stream().mapToDouble(BoxStats::lowWhisker).min().orElse(min);
        double coreHigh = boxes.stream().mapToDouble(BoxStats::highWhisker).max().orElse(max);
        double span = coreHigh - coreLow;
        if (span <= 0) {
            span = Math.max(Math.abs(coreHigh), 1);
        }
        double low = min < coreLow - FAR * span ? coreLow - KEEP * span : min;
        double high = max > coreHigh + FAR * span ? coreHigh + KEEP * span : max;
        if (fromZero && low >= 0) {
            low = 0;
        }
        double pad = (high - low) * MARGIN;
        if (pad == 0) {
            pad = Math.max(Math.abs(high) * MARGIN, 0.5);
        }
        // a zero baseline stays at zero; the pad goes on the other side
        return new Range(fromZero && low == 0 ? 0 : low - pad, high + pad);
    }

    static OffScale above(String category, List<Double> values, Range range, Unit shown) {
        return new OffScale(category, true, values.size(),
                values.stream().mapToDouble(Double::doubleValue).max().orElseThrow(), range.high(), shown);
    }

    static OffScale below(String category, List<Double> values, Range range, Unit shown) {
        return new OffScale(category, false, values.size(),
                values.stream().mapToDouble(Double::doubleValue).min().orElseThrow(), range.low(), shown);
    }

    /** The mark's words: "↑ 2 beyond, up to 16.6 ms". */
    String text(PlotOrientation orientation) {
        boolean across = orientation == PlotOrientation.VERTICAL;
        String arrow = upper ? (across ? "↑" : "→") : (across ? "↓" : "←");
        return arrow + " " + count + " beyond, " + (upper ? "up to " : "down to ") + BoxPlots.value(extreme, shown);
    }

    void mark(CategoryPlot plot) {
        PlotOrientation orientation = plot.getOrientation();
        CategoryTextAnnotation note = new CategoryTextAnnotation(text(orientation), category, edge);
        note.setFont(plot.getDomainAxis().getTickLabelFont());
        note.setPaint(ChartTheme.TEXT);
        boolean across = orientation == PlotOrientation.VERTICAL;
        note.setTextAnchor(across ? (upper ? TextAnchor.TOP_CENTER : TextAnchor.BOTTOM_CENTER)
                : (upper ? TextAnchor.CENTER_RIGHT : TextAnchor.CENTER_LEFT));
        plot.addAnnotation(note);
    }
}
