package org.forklab.charts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.forklab.stats.Unit;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Grouped bars: categories along the x axis, one coloured bar per series in each group, with
 * optional error bars. The value axis is linear from zero: a bar's length is its value, which a
 * log axis would break.
 */
public final class BarCharts {

    private BarCharts() {
    }

    public static JFreeChart grouped(String title, String categoryLabel, Quantity quantity, List<BarSeries> series) {
        if (series == null || series.isEmpty()) {
            throw new IllegalArgumentException("a bar chart needs at least one series");
        }
        List<double[]> values = new ArrayList<>();
        for (BarSeries s : series) {
            values.add(s.bars().stream().mapToDouble(Bar::value).toArray());
        }
        Unit shown = Scaling.displayUnit(quantity, values);
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
        CategoryAxis categoryAxis = new CategoryAxis(categoryLabel);
        categoryAxis.setMaximumCategoryLabelLines(2);
        NumberAxis valueAxis = new NumberAxis(quantity.label(shown));
        ErrorBarRenderer renderer = new ErrorBarRenderer(intervals);
        renderer.setItemMargin(0.05);
        renderer.setDrawBarOutline(false);
        CategoryPlot plot = new CategoryPlot(dataset, categoryAxis, valueAxis, renderer);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, series.size() > 1);
        ChartTheme.apply(chart);
        renderer.setShadowVisible(false);
        for (int i = 0; i < series.size(); i++) {
            renderer.setSeriesPaint(i, Palette.series(i));
        }
        return chart;
    }
}
