package org.forklab.charts;

import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.List;
import org.forklab.stats.BoxStats;
import org.forklab.stats.Unit;
import org.forklab.stats.format.Units;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BoxAndWhiskerRenderer;
import org.jfree.chart.renderer.category.ScatterRenderer;
import org.jfree.data.statistics.BoxAndWhiskerItem;
import org.jfree.data.statistics.DefaultBoxAndWhiskerCategoryDataset;
import org.jfree.data.statistics.DefaultMultiValueCategoryDataset;

/**
 * Tukey box plots of several labelled sample sets side by side: box from Q1 to Q3, median
 * line, whiskers to the furthest samples within 1.5 IQR, every sample beyond drawn as a small
 * dot (JFreeChart's own outlier circles are two thirds of a box wide and hide each other). A
 * log axis is chosen automatically when the data span more than 1.5 decades (fork versus thread
 * creation), unless the caller forces a scale. On a linear axis a few samples far beyond all
 * whiskers would squash every box into a line; the axis then ends a little past the whiskers
 * and those samples are counted at its edge ({@link OffScale}), never silently left out. The
 * form (boxes across or down the side) follows from the labels ({@link CategoryLayout}).
 */
public final class BoxPlots {

    private static final String SERIES = "samples";
    /** Outlier dots 5 px across: smaller than any box the layout draws (a box is at least ~12 px). */
    static final double OUTLIER_DIAMETER = 5;
    /** Room for the off-scale marks' words beyond the plotted samples, as a share of their span. */
    private static final double TEXT_ROOM = 0.6;

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

        DefaultBoxAndWhiskerCategoryDataset boxes = new DefaultBoxAndWhiskerCategoryDataset();
        List<double[]> scaledAll = new ArrayList<>();
        List<BoxStats> stats = new ArrayList<>();
        for (SampleSet set : sets) {
            double[] scaled = Scaling.scaled(set.values(), quantity.unit(), shown);
            scaledAll.add(scaled);
            stats.add(BoxStats.of(scaled));
        }
        boolean log = scale.logFor(Scaling.min(scaledAll), Scaling.max(scaledAll));
        OffScale.Range range = OffScale.range(stats, Scaling.min(scaledAll), Scaling.max(scaledAll), log,
                quantity.whole());

        DefaultMultiValueCategoryDataset outliers = new DefaultMultiValueCategoryDataset();
        List<OffScale> offScale = new ArrayList<>();
        for (int i = 0; i < sets.size(); i++) {
            BoxStats box = stats.get(i);
            String label = sets.get(i).label();
            // outliers go to the dot layer; the box item keeps none, so JFreeChart draws no circles
            boxes.add(new BoxAndWhiskerItem(box.mean(), box.median(), box.q1(), box.q3(),
                    box.lowWhisker(), box.highWhisker(), box.lowWhisker(), box.highWhisker(), List.of()), SERIES, label);
            List<Double> inside = new ArrayList<>();
            List<Double> below = new ArrayList<>();
            List<Double> above = new ArrayList<>();
            for (double v : box.outliers()) {
                (v < range.low() ? below : v > range.high() ? above : inside).add(v);
            }
            outliers.add(inside, SERIES, label);
            if (!below.isEmpty()) {
                offScale.add(OffScale.below(label, below, range, shown));
            }
            if (!above.isEmpty()) {
                offScale.add(OffScale.above(label, above, range, shown));
            }
        }
        // The marks' words need room of their own past the last sample drawn: written over the
        // plot's edge they ran across the whiskers and dots of long boxes (lesson 04's ping-pong).
        double span = range.high() - range.low();
        double low = offScale.stream().anyMatch(o -> !o.upper()) ? range.low() - TEXT_ROOM * span : range.low();
        double high = offScale.stream().anyMatch(OffScale::upper) ? range.high() + TEXT_ROOM * span : range.high();
        offScale.replaceAll(o -> new OffScale(o.category(), o.upper(), o.count(), o.extreme(), o.upper() ? high : low,
                o.shown()));
        ValueAxis valueAxis = Scaling.valueAxis(quantity, shown, log, false);
        valueAxis.setRange(low, high);
        CategoryAxis categoryAxis = new CategoryAxis(null);

        BoxAndWhiskerRenderer renderer = new BoxAndWhiskerRenderer();
        renderer.setFillBox(true);
        renderer.setMeanVisible(false); // its marker is as wide as the box and hides the median
        renderer.setMedianVisible(true);
        renderer.setMaximumBarWidth(0.08);
        renderer.setUseOutlinePaintForWhiskers(true);
        renderer.setDefaultToolTipGenerator(null);

        CategoryPlot plot = new CategoryPlot(boxes, categoryAxis, valueAxis, renderer);
        ScatterRenderer dots = new ScatterRenderer();
        dots.setUseSeriesOffset(false);
        dots.setDrawOutlines(false);
        double r = OUTLIER_DIAMETER / 2;
        dots.setSeriesShape(0, new Ellipse2D.Double(-r, -r, OUTLIER_DIAMETER, OUTLIER_DIAMETER));
        plot.setDataset(1, outliers);
        plot.setRenderer(1, dots);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        ChartTheme.apply(chart);
        renderer.setSeriesPaint(0, Palette.translucent(Palette.SKY_BLUE, 0.85));
        renderer.setSeriesOutlinePaint(0, Palette.BLUE);
        renderer.setArtifactPaint(Palette.BLACK);
        dots.setSeriesPaint(0, Palette.translucent(Palette.BLUE, 0.75));
        CategoryLayout.fit(chart);
        offScale.forEach(o -> o.mark(plot));
        return chart;
    }

    /** "16.6 ms" for a value already in {@code shown}: the axis's unit, not another. */
    static String value(double v, Unit shown) {
        return Units.inUnit(v, shown);
    }
}
