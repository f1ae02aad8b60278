package org.forklab.charts;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.forklab.stats.Unit;
import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.Test;

/** The legend of a fitted line: per one counted thing, and saying when the fit carries no verdict. */
class ScatterFitLabelTest {

    private static String label(double[] x, double[] y) {
        JFreeChart chart = ScatterCharts.withFit("RSS against count", Quantity.count("platform threads"),
                new Quantity("RSS", Unit.BYTES), x, y, "platform thread");
        return (String) chart.getXYPlot().getDataset().getSeriesKey(1);
    }

    @Test
    void aGoodFitNamesOneOfTheCountedThings() {
        String s = label(new double[] {50, 100, 150, 200, 250}, new double[] {1e6, 2e6, 3.01e6, 4e6, 5e6});
        assertTrue(s.startsWith("least-squares fit: slope 19.5 KiB per platform thread (95 % CI "), s);
    }

    @Test
    void aCountAxisHasWholeTicks() throws Exception {
        JFreeChart chart = ScatterCharts.withFit("RSS against count", Quantity.count("processes"),
                new Quantity("RSS", Unit.BYTES), new double[] {2, 4, 6, 8, 10}, new double[] {3e6, 7e6, 10e6, 13e6, 17e6},
                "process");
        org.jfree.chart.axis.NumberAxis x = (org.jfree.chart.axis.NumberAxis) chart.getXYPlot().getDomainAxis();
        // the tick unit is chosen when the chart is drawn
        ChartTestSupport.assertDrawn(ChartImages.render(chart), 800, 450, "RSS against count");
        double tick = x.getTickUnit().getSize();
        assertTrue(tick >= 1 && tick == Math.rint(tick), "tick unit " + tick);
    }

    @Test
    void aFitTooPoorToTellSaysSo() {
        // lesson 07's platform threads: RSS that does not follow the count (r² 0.03)
        String s = label(new double[] {50, 100, 150, 200, 250}, new double[] {4.9e6, 27.5e6, 1.8e6, 2.8e6, 24.3e6});
        assertTrue(s.startsWith("least-squares fit (too poor to tell): slope "), s);
        assertTrue(s.contains(" per platform thread"), s);
    }
}
