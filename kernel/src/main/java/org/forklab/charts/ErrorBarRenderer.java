package org.forklab.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.Map;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.CategoryItemRendererState;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.Range;
import org.jfree.data.category.CategoryDataset;

/**
 * Vertical bars with asymmetric error bars. JFreeChart's StatisticalBarRenderer only draws
 * symmetric mean ± sd, which would misstate a bootstrap interval of a median; this draws each
 * bar's own [low, high] over the bar.
 */
final class ErrorBarRenderer extends BarRenderer {

    private static final long serialVersionUID = 1L;

    /** (series, category) → {low, high}. */
    private final Map<Cell, double[]> intervals;

    record Cell(Comparable<?> row, Comparable<?> column) {
    }

    ErrorBarRenderer(Map<Cell, double[]> intervals) {
        this.intervals = Map.copyOf(intervals);
    }

    @Override
    public void drawItem(Graphics2D g2, CategoryItemRendererState state, Rectangle2D dataArea, CategoryPlot plot,
                         CategoryAxis domainAxis, ValueAxis rangeAxis, CategoryDataset dataset,
                         int row, int column, int pass) {
        super.drawItem(g2, state, dataArea, plot, domainAxis, rangeAxis, dataset, row, column, pass);
        double[] interval = intervals.get(new Cell(dataset.getRowKey(row), dataset.getColumnKey(column)));
        if (interval == null || plot.getOrientation() != PlotOrientation.VERTICAL) {
            return;
        }
        int visibleRow = state.getVisibleSeriesIndex(row);
        if (visibleRow < 0) {
            return;
        }
        double x0 = calculateBarW0(plot, plot.getOrientation(), dataArea, domainAxis, state, visibleRow, column);
        double centre = x0 + state.getBarWidth() / 2;
        double cap = Math.max(2, state.getBarWidth() / 6);
        RectangleEdge edge = plot.getRangeAxisEdge();
        double yLow = rangeAxis.valueToJava2D(interval[0], dataArea, edge);
        double yHigh = rangeAxis.valueToJava2D(interval[1], dataArea, edge);
        g2.setPaint(Color.BLACK);
        g2.setStroke(new BasicStroke(1.2f));
        g2.draw(new Line2D.Double(centre, yLow, centre, yHigh));
        g2.draw(new Line2D.Double(centre - cap, yLow, centre + cap, yLow));
        g2.draw(new Line2D.Double(centre - cap, yHigh, centre + cap, yHigh));
    }

    /** Widen the auto range so error bars are not clipped. */
    @Override
    public Range findRangeBounds(CategoryDataset dataset) {
        Range range = super.findRangeBounds(dataset);
        for (double[] interval : intervals.values()) {
            range = Range.expandToInclude(Range.expandToInclude(range, interval[0]), interval[1]);
        }
        return range;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ErrorBarRenderer that && intervals.equals(that.intervals) && super.equals(other);
    }

    @Override
    public int hashCode() {
        return super.hashCode() * 31 + intervals.hashCode();
    }
}
