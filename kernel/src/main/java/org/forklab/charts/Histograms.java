package org.forklab.charts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.forklab.stats.BoxStats;
import org.forklab.stats.Unit;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.data.statistics.HistogramDataset;
import org.jfree.data.statistics.HistogramType;

/**
 * Histograms of one or more sample sets drawn over each other with shared bins, translucent so
 * overlaps stay visible; the shape a box plot hides (two clusters, a long tail) shows here.
 * Linear value axis only: equal-width bins on a log axis would mislead.
 */
public final class Histograms {

    /** Bin count bounds for the automatic (Freedman–Diaconis) choice. */
    public static final int MIN_BINS = 10;
    public static final int MAX_BINS = 100;

    private Histograms() {
    }

    public static JFreeChart of(String title, Quantity quantity, List<SampleSet> sets) {
        return of(title, quantity, sets, 0);
    }

    /** @param bins number of bins, or 0 to choose by Freedman–Diaconis (2·IQR·n^−1/3 wide) */
    public static JFreeChart of(String title, Quantity quantity, List<SampleSet> sets, int bins) {
        if (sets == null || sets.isEmpty()) {
            throw new IllegalArgumentException("a histogram needs at least one sample set");
        }
        if (bins < 0 || bins > 1_000) {
            throw new IllegalArgumentException("bins must be 0 (automatic) or 1 to 1000, got " + bins);
        }
        List<double[]> raw = new ArrayList<>();
        sets.forEach(set -> raw.add(set.values()));
        Unit shown = Scaling.displayUnit(quantity, raw);
        List<double[]> scaled = new ArrayList<>();
        raw.forEach(values -> scaled.add(Scaling.scaled(values, quantity.unit(), shown)));
        double min = Scaling.min(scaled);
        double max = Scaling.max(scaled);
        if (min == max) {
            min -= 0.5;
            max += 0.5;
        }
        int binCount = bins > 0 ? bins : autoBins(scaled, min, max);

        HistogramDataset dataset = new HistogramDataset();
        dataset.setType(HistogramType.FREQUENCY);
        for (int i = 0; i < sets.size(); i++) {
            dataset.addSeries(sets.get(i).label(), scaled.get(i), binCount, min, max);
        }
        NumberAxis xAxis = new NumberAxis(quantity.label(shown));
        xAxis.setAutoRangeIncludesZero(false);
        NumberAxis yAxis = new NumberAxis("samples per bin");
        yAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        XYBarRenderer renderer = new XYBarRenderer(0.05);
        XYPlot plot = new XYPlot(dataset, xAxis, yAxis, renderer);
        plot.setForegroundAlpha(sets.size() > 1 ? 0.6f : 0.9f);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, sets.size() > 1);
        ChartTheme.apply(chart);
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(false);
        for (int i = 0; i < sets.size(); i++) {
            renderer.setSeriesPaint(i, Palette.series(i));
        }
        return chart;
    }

    /** Freedman–Diaconis on the pooled samples, clamped to [MIN_BINS, MAX_BINS]. */
    static int autoBins(List<double[]> scaled, double min, double max) {
        double[] pooled = scaled.stream().flatMapToDouble(Arrays::stream).toArray();
        BoxStats box = BoxStats.of(pooled);
        double iqr = box.q3() - box.q1();
        if (iqr <= 0) {
            return MIN_BINS;
        }
        double width = 2 * iqr / Math.cbrt(pooled.length);
        long bins = (long) Math.ceil((max - min) / width);
        return (int) Math.max(MIN_BINS, Math.min(MAX_BINS, bins));
    }
}
