package org.forklab.charts;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;

/**
 * Picks the form of a category chart from its labels so that none is cut: categories along x
 * with labels wrapped into up to {@link #MAX_LINES} lines when every label fits its slot, else
 * categories down the side (horizontal boxes or bars) with the labels on the left, given as much
 * of the width as they need, and a chart tall enough for three lines per category.
 */
public final class CategoryLayout {

    public static final int MAX_LINES = 3;

    /**
     * Widths the side labels may take, as multiples of the data area's width (JFreeChart's
     * measure for labels on the left), tried in order: 0.4 leaves the boxes 70 % of the chart.
     */
    private static final float[] SIDE_LABEL_SHARES = {0.4f, 0.6f, 0.9f, 1.3f};
    /** Height a category down the side needs: a gap, and a line of the 11 px tick font per line. */
    private static final int PX_PER_SIDE_CATEGORY = 14;
    private static final int PX_PER_LABEL_LINE = 16;
    /** Title, value axis with its label, padding: what a chart needs besides its categories. */
    private static final int PX_AROUND_PLOT = 120;
    private static final int MAX_HEIGHT = 1600;

    private CategoryLayout() {
    }

    /** Lays {@code chart} out by its labels (see the class comment); other charts pass unchanged. */
    public static JFreeChart fit(JFreeChart chart) {
        if (!(chart.getPlot() instanceof CategoryPlot plot) || plot.getDomainAxis() == null) {
            return chart;
        }
        CategoryAxis axis = plot.getDomainAxis();
        axis.setMaximumCategoryLabelLines(MAX_LINES);
        plot.setOrientation(PlotOrientation.VERTICAL);
        if (fits(chart)) {
            return chart;
        }
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_RIGHT); // values below, where a reader looks for them
        for (float share : SIDE_LABEL_SHARES) {
            axis.setMaximumCategoryLabelWidthRatio(share);
            if (fits(chart)) {
                return chart;
            }
        }
        return chart; // the widest share; AxisLabels.cut names what still does not fit
    }

    /** The height to draw {@code chart} at the notebook width: more when categories go down the side. */
    public static int height(JFreeChart chart) {
        if (chart.getPlot() instanceof CategoryPlot plot && plot.getOrientation() == PlotOrientation.HORIZONTAL
                && plot.getDataset() != null) {
            int categories = plot.getDataset().getColumnCount();
            int lines = AxisLabels.shown(chart, ChartTheme.NOTEBOOK_WIDTH, ChartTheme.DEFAULT_HEIGHT).stream()
                    .mapToInt(s -> s.lines().size()).max().orElse(1);
            return Math.max(ChartTheme.DEFAULT_HEIGHT, Math.min(MAX_HEIGHT,
                    PX_AROUND_PLOT + categories * (PX_PER_SIDE_CATEGORY + lines * PX_PER_LABEL_LINE)));
        }
        return ChartTheme.DEFAULT_HEIGHT;
    }

    private static boolean fits(JFreeChart chart) {
        return AxisLabels.cut(chart, ChartTheme.NOTEBOOK_WIDTH, height(chart)).isEmpty();
    }
}
