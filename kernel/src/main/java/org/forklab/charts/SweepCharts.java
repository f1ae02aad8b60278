package org.forklab.charts;

import java.awt.Shape;
import java.util.ArrayList;
import java.util.List;
import org.forklab.stats.Unit;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Lines through a parameter sweep with a shaded interval band around each line. Either axis
 * goes logarithmic when its data span more than 1.5 decades (sizes 4 KiB … 1 GiB), unless the
 * caller forces a scale. {@link #panels} stacks several measured quantities over one shared
 * x axis, e.g. throughput above memory per connection, both against connections held.
 */
public final class SweepCharts {

    private SweepCharts() {
    }

    /**
     * One panel of a {@link #panels} chart: a quantity, its lines, and whether its axis starts at
     * zero (throughput, memory: a line near the bottom must not look like nothing).
     */
    public record Panel(Quantity y, List<SweepSeries> series, boolean fromZero) {
        public Panel {
            if (y == null || series == null || series.isEmpty()) {
                throw new IllegalArgumentException("a sweep panel needs a quantity and at least one series");
            }
            series = List.copyOf(series);
        }
    }

    public static JFreeChart line(String title, Quantity xQuantity, Quantity yQuantity, List<SweepSeries> series) {
        return line(title, xQuantity, yQuantity, series, AxisScale.AUTO, AxisScale.AUTO);
    }

    public static JFreeChart line(String title, Quantity xQuantity, Quantity yQuantity, List<SweepSeries> series,
                                  AxisScale xScale, AxisScale yScale) {
        if (series == null || series.isEmpty()) {
            throw new IllegalArgumentException("a sweep chart needs at least one series");
        }
        ValueAxis xAxis = xAxis(xQuantity, List.of(series), xScale);
        XYPlot plot = panel(new Panel(yQuantity, series, false), xQuantity, xAxis, yScale);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, series.size() > 1);
        ChartTheme.apply(chart);
        colour(plot, series.size());
        return chart;
    }

    /** Panels one above the other over a shared x axis; the legend (same series in each) shown once. */
    public static JFreeChart panels(String title, Quantity xQuantity, List<Panel> panels) {
        if (panels == null || panels.isEmpty()) {
            throw new IllegalArgumentException("a sweep chart needs at least one panel");
        }
        ValueAxis xAxis = xAxis(xQuantity, panels.stream().map(Panel::series).toList(), AxisScale.AUTO);
        CombinedDomainXYPlot combined = new CombinedDomainXYPlot(xAxis);
        combined.setGap(12);
        List<XYPlot> plots = new ArrayList<>();
        for (Panel p : panels) {
            XYPlot plot = panel(p, xQuantity, null, AxisScale.AUTO);
            plots.add(plot);
            combined.add(plot, 1);
        }
        int most = panels.stream().mapToInt(p -> p.series().size()).max().orElse(1);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, combined, most > 1);
        ChartTheme.apply(chart);
        for (int i = 0; i < plots.size(); i++) {
            colour(plots.get(i), panels.get(i).series().size());
        }
        combined.setFixedLegendItems(plots.get(0).getLegendItems());
        return chart;
    }

    private static ValueAxis xAxis(Quantity xQuantity, List<List<SweepSeries>> groups, AxisScale xScale) {
        List<double[]> xs = new ArrayList<>();
        groups.forEach(g -> g.forEach(s -> xs.add(s.x())));
        Unit xShown = Scaling.displayUnit(xQuantity, xs);
        double xFactor = xQuantity.unit().convert(1, xShown);
        double xMin = Scaling.min(xs) * xFactor;
        double xMax = Scaling.max(xs) * xFactor;
        ValueAxis axis = Scaling.valueAxis(xQuantity, xShown, xScale.logFor(xMin, xMax), false);
        if (xMin == xMax) {
            // One x value (a sweep of one size): auto-ranged, the axis spans next to nothing and
            // repeats that one value as every tick label. Give it room around the value instead.
            double x = xMin;
            double half = x == 0 ? 1 : Math.abs(x) / 2;
            axis.setRange(x > 0 && axis instanceof LogAxis ? x / 3 : x - half, x > 0 && axis instanceof LogAxis ? x * 3 : x + half);
        }
        return axis;
    }

    private static XYPlot panel(Panel p, Quantity xQuantity, ValueAxis xAxis, AxisScale yScale) {
        List<double[]> xs = new ArrayList<>();
        List<double[]> ys = new ArrayList<>();
        for (SweepSeries s : p.series()) {
            xs.add(s.x());
            ys.add(s.y());
        }
        Unit xShown = Scaling.displayUnit(xQuantity, xs);
        Unit yShown = Scaling.displayUnit(p.y(), ys);
        double xFactor = xQuantity.unit().convert(1, xShown);
        double yFactor = p.y().unit().convert(1, yShown);
        YIntervalSeriesCollection dataset = new YIntervalSeriesCollection();
        List<double[]> yExtent = new ArrayList<>();
        for (SweepSeries s : p.series()) {
            YIntervalSeries line = new YIntervalSeries(s.label());
            double[] x = s.x();
            double[] y = s.y();
            double[] low = s.low();
            double[] high = s.high();
            for (int i = 0; i < x.length; i++) {
                line.add(x[i] * xFactor, y[i] * yFactor, low[i] * yFactor, high[i] * yFactor);
            }
            dataset.addSeries(line);
            yExtent.add(Scaling.scaled(low, p.y().unit(), yShown));
            yExtent.add(Scaling.scaled(high, p.y().unit(), yShown));
        }
        boolean log = !p.fromZero() && yScale.logFor(Scaling.min(yExtent), Scaling.max(yExtent));
        ValueAxis yAxis = Scaling.valueAxis(p.y(), yShown, log, p.fromZero());
        DeviationRenderer renderer = new DeviationRenderer(true, true);
        renderer.setAlpha(0.2f);
        return new XYPlot(dataset, xAxis, yAxis, renderer);
    }

    private static void colour(XYPlot plot, int series) {
        DeviationRenderer renderer = (DeviationRenderer) plot.getRenderer();
        Shape[] shapes = ChartTheme.shapes();
        for (int i = 0; i < series; i++) {
            renderer.setSeriesPaint(i, Palette.series(i));
            renderer.setSeriesFillPaint(i, Palette.series(i));
            renderer.setSeriesShape(i, shapes[i % shapes.length]); // one series, one marker, in every panel
        }
    }
}
