package org.forklab.charts;

import java.util.List;
import org.forklab.stats.Regression;
import org.forklab.stats.Unit;
import org.forklab.stats.format.Units;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Points with their least-squares line, for cost against count or size; the legend states the
 * slope with its interval and r² in the axes' units ("2.31 µs/MiB").
 */
public final class ScatterCharts {

    private ScatterCharts() {
    }

    public static JFreeChart withFit(String title, Quantity xQuantity, Quantity yQuantity, double[] x, double[] y) {
        return withFit(title, xQuantity, yQuantity, x, y, xQuantity.name());
    }

    /** As above; {@code perWhat} names one x in the slope of a count ("per platform thread"). */
    public static JFreeChart withFit(String title, Quantity xQuantity, Quantity yQuantity, double[] x, double[] y,
                                     String perWhat) {
        Regression fit = Regression.of(x, y);
        Unit xShown = Scaling.displayUnit(xQuantity, List.of(x));
        Unit yShown = Scaling.displayUnit(yQuantity, List.of(y));
        double xFactor = xQuantity.unit().convert(1, xShown);
        double yFactor = yQuantity.unit().convert(1, yShown);

        XYSeries points = new XYSeries("samples", false, true);
        double xMin = Double.POSITIVE_INFINITY;
        double xMax = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < x.length; i++) {
            points.add(x[i] * xFactor, y[i] * yFactor);
            xMin = Math.min(xMin, x[i]);
            xMax = Math.max(xMax, x[i]);
        }
        XYSeries line = new XYSeries(fitLabel(fit, xQuantity, yQuantity, xShown, perWhat), false, true);
        line.add(xMin * xFactor, fit.predict(xMin) * yFactor);
        line.add(xMax * xFactor, fit.predict(xMax) * yFactor);
        XYSeriesCollection dataset = new XYSeriesCollection();
        dataset.addSeries(points);
        dataset.addSeries(line);

        NumberAxis xAxis = new NumberAxis(xQuantity.label(xShown));
        xAxis.setAutoRangeIncludesZero(false);
        if (xQuantity.whole()) {
            xAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits()); // no 2.5 processes
        }
        NumberAxis yAxis = new NumberAxis(yQuantity.label(yShown));
        yAxis.setAutoRangeIncludesZero(false);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
        XYPlot plot = new XYPlot(dataset, xAxis, yAxis, renderer);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        ChartTheme.apply(chart);
        renderer.setSeriesLinesVisible(0, false);
        renderer.setSeriesShapesVisible(0, true);
        renderer.setSeriesPaint(0, Palette.translucent(Palette.BLUE, 0.7));
        renderer.setSeriesLinesVisible(1, true);
        renderer.setSeriesShapesVisible(1, false);
        renderer.setSeriesPaint(1, Palette.VERMILLION);
        return chart;
    }

    /** "least-squares fit: slope 6.43 µs/MiB (95 % CI 6.24–6.63 µs/MiB), r² 0.992". */
    static String fitLabel(Regression fit, Quantity xQuantity, Quantity yQuantity, Unit xShown, String perWhat) {
        // slope in y's own unit per one displayed x unit, then shown in y's most readable unit
        double perShownX = xShown.convert(1, xQuantity.unit());
        String per = xShown.symbol().isEmpty() ? " per " + perWhat : "/" + xShown.symbol();
        String slope = Units.format(fit.slope() * perShownX, yQuantity.unit());
        String interval = fit.slopeInterval().isDefined()
                ? " (" + Units.level(fit.slopeInterval().confidence()) + " % CI "
                        + Units.range(fit.slopeInterval().low() * perShownX, fit.slopeInterval().high() * perShownX,
                                yQuantity.unit()) + per + ")"
                : "";
        // a line is drawn through any points; the legend says when it carries no verdict
        String gate = fit.tooPoorToTell().isPresent() ? " (too poor to tell)" : "";
        return "least-squares fit" + gate + ": slope " + slope + per + interval + ", r² " + Units.number(fit.rSquared());
    }
}
