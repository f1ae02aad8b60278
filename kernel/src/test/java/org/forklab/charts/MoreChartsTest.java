package org.forklab.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.forklab.stats.Summary;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.statistics.HistogramDataset;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.junit.jupiter.api.Test;

class MoreChartsTest {

    static double[] gaussian(double centre, double sd, int n, long seed) {
        return BoxPlotsTest.around(centre, sd, n, seed);
    }

    @Test
    void histogramOfTwoSetsSharesBinsAndCountsEverySample() throws Exception {
        double[] pinned = gaussian(5_000, 400, 300, 1);
        double[] free = new double[300];
        System.arraycopy(gaussian(6_000, 500, 200, 2), 0, free, 0, 200);
        System.arraycopy(gaussian(58_000, 4_000, 100, 3), 0, free, 200, 100);
        JFreeChart chart = Histograms.of("Ping-pong round trip", Quantity.time("round trip"),
                List.of(new SampleSet("pinned", pinned), new SampleSet("scheduler", free)));
        HistogramDataset data = (HistogramDataset) chart.getXYPlot().getDataset();
        assertEquals(2, data.getSeriesCount());
        assertEquals(data.getItemCount(0), data.getItemCount(1));
        for (int series = 0; series < 2; series++) {
            double total = 0;
            for (int bin = 0; bin < data.getItemCount(series); bin++) {
                total += data.getYValue(series, bin);
            }
            assertEquals(300, total, 1e-9, "every sample lands in a bin");
        }
        assertEquals("round trip (µs)", chart.getXYPlot().getDomainAxis().getLabel());
        ChartTestSupport.assertDrawn(ChartImages.render(chart, 600, 350), 600, 350, "Ping-pong round trip");
    }

    @Test
    void histogramBinsFollowFreedmanDiaconisWithinBounds() {
        double[] uniform = new double[1000];
        for (int i = 0; i < uniform.length; i++) {
            uniform[i] = i;
        }
        // IQR 499.5, n^(1/3) = 10 → width 99.9 → ceil(999 / 99.9) = 10 bins
        assertEquals(10, Histograms.autoBins(List.of(uniform), 0, 999));
        assertEquals(Histograms.MIN_BINS, Histograms.autoBins(List.of(new double[] {1, 1, 1, 1}), 0, 1));
        assertThrows(IllegalArgumentException.class,
                () -> Histograms.of("t", Quantity.time("t"), List.of(new SampleSet("a", uniform)), -1));
    }

    @Test
    void sweepWithIntervalBandAndLogSizes() throws Exception {
        double[] sizes = {4096, 65_536, 1 << 20, 16 << 20, 256 << 20, 1 << 30};
        List<Summary> summaries = new ArrayList<>();
        Random random = new Random(5);
        for (double size : sizes) {
            double[] samples = new double[40];
            for (int i = 0; i < samples.length; i++) {
                samples[i] = 60_000 + size / 4096 * 25 * (1 + 0.1 * random.nextGaussian());
            }
            summaries.add(Summary.of(samples));
        }
        JFreeChart chart = SweepCharts.line("fork time against touched memory", Quantity.bytes("touched memory"),
                Quantity.time("fork time"), List.of(SweepSeries.ofMedians("4 KiB pages", sizes, summaries)));
        XYPlot plot = chart.getXYPlot();
        assertInstanceOf(LogAxis.class, plot.getDomainAxis(), "sizes span 5 decades");
        assertEquals("touched memory (MiB)", plot.getDomainAxis().getLabel());
        YIntervalSeriesCollection data = (YIntervalSeriesCollection) plot.getDataset();
        for (int i = 0; i < sizes.length; i++) {
            assertTrue(data.getStartYValue(0, i) <= data.getYValue(0, i));
            assertTrue(data.getYValue(0, i) <= data.getEndYValue(0, i));
        }
        assertEquals(1024, data.getXValue(0, 5), 1e-9, "1 GiB shown as 1024 MiB");
        ChartTestSupport.assertDrawn(ChartImages.render(chart), 800, 450, "fork time against touched memory");

        JFreeChart linear = SweepCharts.line("t", Quantity.count("threads"), Quantity.time("t"),
                List.of(SweepSeries.ofMedians("x", new double[] {1, 2, 4}, summaries.subList(0, 3))),
                AxisScale.LINEAR, AxisScale.LINEAR);
        assertInstanceOf(NumberAxis.class, linear.getXYPlot().getDomainAxis());
    }

    @Test
    void aSweepOfOneSizeHasDistinctXTicksAroundIt() {
        List<Summary> one = List.of(Summary.of(new double[] {1_000, 1_100, 1_200}));
        for (AxisScale x : List.of(AxisScale.AUTO, AxisScale.LOG)) {
            JFreeChart chart = SweepCharts.line("one size", Quantity.bytes("message size"), Quantity.time("round trip"),
                    List.of(SweepSeries.ofMedians("pipe", new double[] {64}, one)), x, AxisScale.AUTO);
            List<String> ticks = AxisLabels.domainTicks(chart, ChartTheme.NOTEBOOK_WIDTH, ChartTheme.DEFAULT_HEIGHT);
            assertTrue(ticks.size() >= 2, x + ": " + ticks);
            assertEquals(ticks.size(), new java.util.HashSet<>(ticks).size(), x + ": a tick label repeats: " + ticks);
            var range = chart.getXYPlot().getDomainAxis().getRange();
            assertTrue(range.getLowerBound() < 64 && 64 < range.getUpperBound(), x + ": " + range);
        }
    }

    @Test
    void sweepSeriesChecksLengths() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SweepSeries("s", new double[] {1, 2}, new double[] {1}, new double[] {1, 2}, new double[] {1, 2}));
        assertTrue(e.getMessage().contains("same length"), e.getMessage());
    }

    @Test
    void groupedBarsWithAsymmetricErrorBars() throws Exception {
        JFreeChart chart = BarCharts.grouped("Time to start a worker", "mechanism", Quantity.time("median time"),
                List.of(new BarSeries("JDK 17", List.of(new Bar("platform thread", 60_000, 55_000, 90_000),
                                Bar.of("process", 900_000))),
                        new BarSeries("JDK 25", List.of(new Bar("platform thread", 50_000, 45_000, 52_000),
                                new Bar("virtual thread", 1_500, 1_400, 1_700)))));
        CategoryDataset data = chart.getCategoryPlot().getDataset();
        assertEquals(2, data.getRowCount());
        assertEquals(3, data.getColumnCount());
        assertEquals(900.0, data.getValue("JDK 17", "process").doubleValue(), 1e-9, "scaled to µs");
        assertEquals("median time (µs)", chart.getCategoryPlot().getRangeAxis().getLabel());
        // the error bar's top (90 µs) widens the axis range beyond the bar values
        ErrorBarRenderer renderer = (ErrorBarRenderer) chart.getCategoryPlot().getRenderer();
        assertTrue(renderer.findRangeBounds(data).getUpperBound() >= 900);
        ChartTestSupport.assertDrawn(ChartImages.render(chart, 700, 400), 700, 400, "Time to start a worker");
        assertThrows(IllegalArgumentException.class, () -> new Bar("x", 10, 11, 12));
    }

    @Test
    void scatterWithRegressionLineStatesTheSlope() throws Exception {
        double[] x = new double[32];
        double[] y = new double[32];
        Random random = new Random(6);
        for (int i = 0; i < x.length; i++) {
            x[i] = (i % 8 + 1) * 64.0 * 1024 * 1024;              // 64 MiB … 512 MiB
            y[i] = 50_000 + x[i] / 4096 * 25 * (1 + 0.02 * random.nextGaussian()); // 25 ns per 4 KiB page
        }
        JFreeChart chart = ScatterCharts.withFit("fork time against touched memory", Quantity.bytes("touched memory"),
                Quantity.time("fork time"), x, y);
        XYDataset data = chart.getXYPlot().getDataset();
        assertEquals(2, data.getSeriesCount());
        String fitLabel = (String) data.getSeriesKey(1);
        // 25 ns per 4 KiB = 6.4 µs per MiB
        assertTrue(fitLabel.matches("least-squares fit: slope 6\\.[345]\\d µs/MiB \\(95 % CI 6\\.\\d+–6\\.\\d+ µs/MiB\\), r² 0\\.9\\d+"),
                fitLabel);
        ChartTestSupport.assertDrawn(ChartImages.render(chart), 800, 450, "fork time against touched memory");
    }

    @Test
    void logTicksAreRoundNumbers() {
        ReadableLogAxis axis = new ReadableLogAxis("t");
        axis.setRange(3, 700);
        List<String> labels = axis.ticks(org.jfree.chart.ui.TextAnchor.CENTER_RIGHT).stream()
                .map(t -> t.getText()).filter(s -> !s.isEmpty()).toList();
        assertEquals(List.of("5", "10", "20", "50", "100", "200", "500"), labels);
        axis.setRange(0.004, 1024);
        List<String> decades = axis.ticks(org.jfree.chart.ui.TextAnchor.TOP_CENTER).stream()
                .map(t -> t.getText()).filter(s -> !s.isEmpty()).toList();
        assertEquals(List.of("0.01", "0.1", "1", "10", "100", "1,000"), decades);
    }

    @Test
    void everyChartUsesTheTheme() {
        JFreeChart chart = Histograms.of("t", Quantity.time("t"), List.of(new SampleSet("a", new double[] {1, 2, 3})));
        assertEquals(java.awt.Color.WHITE, chart.getBackgroundPaint());
        assertEquals(java.awt.Color.WHITE, chart.getXYPlot().getBackgroundPaint());
        assertEquals(ChartTheme.GRID, chart.getXYPlot().getRangeGridlinePaint());
        assertEquals(Palette.BLUE, chart.getXYPlot().getRenderer().getSeriesPaint(0));
    }
}
