package org.forklab.charts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.forklab.stats.Unit;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Bars: grouped (categories along an axis, one coloured bar per series in each group, optional
 * error bars) or stacked (one bar per category split into its parts, e.g. survived, died and
 * corrupted workers). The value axis is linear from zero: a bar's length is its value, which a
 * log axis would break. Counts of whole things get whole-number ticks; the form (bars across or
 * down the side) follows from the labels ({@link CategoryLayout}).
 */
public final class BarCharts {

    private BarCharts() {
    }

    public static JFreeChart grouped(String title, String categoryLabel, Quantity quantity, List<BarSeries> series) {
        if (series == null || series.isEmpty()) {
            throw new IllegalArgumentException("a bar chart needs at least one series");
        }
        Unit shown = shownUnit(quantity, series);
        double factor = quantity.unit().convert(1, shown);

        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        Map<ErrorBarRenderer.Cell, double[]> intervals = new HashMap<>();
        for (BarSeries s : series) {
            for (Bar bar : s.bars()) {
                dataset.addValue(bar.value() * factor, s.label(), bar.category());
                if (bar.hasInterval()) {
                    intervals.put(new ErrorBarRenderer.Cell(s.label(), bar.category()),
                            new double[] {bar.low() * factor, bar.high() * factor});
                }
            }
        }
        ErrorBarRenderer renderer = new ErrorBarRenderer(intervals);
        renderer.setItemMargin(0.05);
        renderer.setDrawBarOutline(false);
        CategoryPlot plot = new CategoryPlot(dataset, new CategoryAxis(categoryLabel),
                Scaling.valueAxis(quantity, shown, false, true), renderer);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, series.size() > 1);
        ChartTheme.apply(chart);
        renderer.setShadowVisible(false);
        for (int i = 0; i < series.size(); i++) {
            renderer.setSeriesPaint(i, Palette.series(i));
        }
        return CategoryLayout.fit(chart);
    }

    /**
     * One bar per category made of {@code layers} stacked in order; each layer is a series with a
     * value for (some of) the categories, in the legend under its label.
     */
    public static JFreeChart stacked(String title, Quantity quantity, List<BarSeries> layers) {
        if (layers == null || layers.isEmpty()) {
            throw new IllegalArgumentException("a stacked bar chart needs at least one layer");
        }
        Unit shown = shownUnit(quantity, layers);
        double factor = quantity.unit().convert(1, shown);
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        for (BarSeries layer : layers) {
            for (Bar bar : layer.bars()) {
                dataset.addValue(bar.value() * factor, layer.label(), bar.category());
            }
        }
        StackedBarRenderer renderer = new StackedBarRenderer();
        renderer.setDrawBarOutline(false);
        renderer.setMaximumBarWidth(0.12);
        CategoryPlot plot = new CategoryPlot(dataset, new CategoryAxis(null),
                Scaling.valueAxis(quantity, shown, false, true), renderer);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        ChartTheme.apply(chart);
        renderer.setShadowVisible(false);
        for (int i = 0; i < layers.size(); i++) {
            renderer.setSeriesPaint(i, Palette.series(i));
        }
        return CategoryLayout.fit(chart);
    }

    private static Unit shownUnit(Quantity quantity, List<BarSeries> series) {
        List<double[]> values = new ArrayList<>();
        for (BarSeries s : series) {
            values.add(s.bars().stream().mapToDouble(Bar::value).toArray());
        }
        return Scaling.displayUnit(quantity, values);
    }
}
