package org.forklab.charts;

import java.util.ArrayList;
import java.util.List;
import org.forklab.stats.BoxStats;
import org.forklab.stats.Unit;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BoxAndWhiskerRenderer;
import org.jfree.data.statistics.BoxAndWhiskerItem;
import org.jfree.data.statistics.DefaultBoxAndWhiskerCategoryDataset;

/**
 * Tukey box plots of several labelled sample sets side by side: box from Q1 to Q3, median
 * line, whiskers to the furthest samples within 1.5 IQR, every sample beyond drawn as
 * an outlier circle. A log axis is chosen automatically when the data span more than 1.5
 * decades (fork versus thread creation), unless the caller forces a scale.
 */
public final class BoxPlots {

    private static final String SERIES = "samples";

    private BoxPlots() {
    }

    public static JFreeChart of(String title, Quantity quantity, List<SampleSet> sets) {
        return of(title, quantity, sets, AxisScale.AUTO);
    }

    public static JFreeChart of(String title, Quantity quantity, List<SampleSet> sets, AxisScale scale) {
        if (sets == null || sets.isEmpty()) {
            throw new IllegalArgumentException("a box plot needs at least one sample set");
        }
        List<double[]> raw = new ArrayList<>();
        sets.forEach(set -> raw.add(set.values()));
        Unit shown = Scaling.displayUnit(quantity, raw);

        DefaultBoxAndWhiskerCategoryDataset dataset = new DefaultBoxAndWhiskerCategoryDataset();
        List<double[]> scaledAll = new ArrayList<>();
        for (SampleSet set : sets) {
            double[] scaled = Scaling.scaled(set.values(), quantity.unit(), shown);
            scaledAll.add(scaled);
            BoxStats box = BoxStats.of(scaled);
            // min/max outlier bounds at the data's extremes: every outlier is drawn as a
            // circle, none collapsed into JFreeChart's "far out" triangle at the axis edge
            dataset.add(new BoxAndWhiskerItem(box.mean(), box.median(), box.q1(), box.q3(),
                    box.lowWhisker(), box.highWhisker(), box.min(), box.max(), box.outliers()), SERIES, set.label());
        }
        boolean log = scale.logFor(Scaling.min(scaledAll), Scaling.max(scaledAll));
        ValueAxis valueAxis = Scaling.valueAxis(quantity.label(shown), log, false);
        CategoryAxis categoryAxis = new CategoryAxis(null);
        categoryAxis.setMaximumCategoryLabelLines(2);

        BoxAndWhiskerRenderer renderer = new BoxAndWhiskerRenderer();
        renderer.setFillBox(true);
        renderer.setMeanVisible(false); // its marker is as wide as the box and hides the median
        renderer.setMedianVisible(true);
        renderer.setMaximumBarWidth(0.08);
        renderer.setUseOutlinePaintForWhiskers(true);
        renderer.setDefaultToolTipGenerator(null);

        CategoryPlot plot = new CategoryPlot(dataset, categoryAxis, valueAxis, renderer);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        ChartTheme.apply(chart);
        renderer.setSeriesPaint(0, Palette.translucent(Palette.SKY_BLUE, 0.85));
        renderer.setSeriesOutlinePaint(0, Palette.BLUE);
        renderer.setArtifactPaint(Palette.BLACK);
        return chart;
    }
}
