package org.forklab.charts;

import java.util.ArrayList;
import java.util.List;
import org.forklab.stats.Unit;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Lines through a parameter sweep with a shaded interval band around each line. Either axis
 * goes logarithmic when its data span more than 1.5 decades (sizes 4 KiB … 1 GiB), unless the
 * caller forces a scale.
 */
public final class SweepCharts {

    private SweepCharts() {
    }

    public static JFreeChart line(String title, Quantity xQuantity, Quantity yQuantity, List<SweepSeries> series) {
        return line(title, xQuantity, yQuantity, series, AxisScale.AUTO, AxisScale.AUTO);
    }

    public static JFreeChart line(String title, Quantity xQuantity, Quantity yQuantity, List<SweepSeries> series,
                                  AxisScale xScale, AxisScale yScale) {
        if (series == null || series.isEmpty()) {
            throw new IllegalArgumentException("a sweep chart needs at least one series");
        }
        List<double[]> xs = new ArrayList<>();
        List<double[]> ys = new ArrayList<>();
        for (SweepSeries s : series) {
            xs.add(s.x());
            ys.add(s.y());
        }
        Unit xShown = Scaling.displayUnit(xQuantity, xs);
        Unit yShown = Scaling.displayUnit(yQuantity, ys);
        double xFactor = xQuantity.unit().convert(1, xShown);
        double yFactor = yQuantity.unit().convert(1, yShown);

        YIntervalSeriesCollection dataset = new YIntervalSeriesCollection();
        List<double[]> yExtent = new ArrayList<>();
        for (SweepSeries s : series) {
            YIntervalSeries line = new YIntervalSeries(s.label());
            double[] x = s.x();
            double[] y = s.y();
            double[] low = s.low();
            double[] high = s.high();
            for (int i = 0; i < x.length; i++) {
                line.add(x[i] * xFactor, y[i] * yFactor, low[i] * yFactor, high[i] * yFactor);
            }
            dataset.addSeries(line);
            yExtent.add(Scaling.scaled(low, yQuantity.unit(), yShown));
            yExtent.add(Scaling.scaled(high, yQuantity.unit(), yShown));
        }
        double xMin = Scaling.min(xs) * xFactor;
        double xMax = Scaling.max(xs) * xFactor;
        ValueAxis xAxis = Scaling.valueAxis(xQuantity.label(xShown), xScale.logFor(xMin, xMax), false);
        ValueAxis yAxis = Scaling.valueAxis(yQuantity.label(yShown),
                yScale.logFor(Scaling.min(yExtent), Scaling.max(yExtent)), false);

        DeviationRenderer renderer = new DeviationRenderer(true, true);
        renderer.setAlpha(0.2f);
        XYPlot plot = new XYPlot(dataset, xAxis, yAxis, renderer);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, series.size() > 1);
        ChartTheme.apply(chart);
        for (int i = 0; i < series.size(); i++) {
            renderer.setSeriesPaint(i, Palette.series(i));
            renderer.setSeriesFillPaint(i, Palette.series(i));
        }
        return chart;
    }
}
