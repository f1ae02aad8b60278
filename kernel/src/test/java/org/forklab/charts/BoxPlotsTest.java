package org.forklab.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.data.statistics.BoxAndWhiskerCategoryDataset;
import org.jfree.data.statistics.MultiValueCategoryDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BoxPlotsTest {

    static double[] around(double centre, double spread, int n, long seed) {
        Random random = new Random(seed);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = centre + spread * random.nextGaussian();
        }
        return out;
    }

    static List<SampleSet> threadsAndForks() {
        return List.of(new SampleSet("pthread_create", around(6_000, 500, 200, 1)),
                new SampleSet("fork", around(300_000, 20_000, 200, 2)),
                new SampleSet("posix_spawn", around(600_000, 50_000, 200, 3)));
    }

    @Test
    void rendersHeadlessAtTwiceTheSize() throws Exception {
        JFreeChart chart = BoxPlots.of("Creation cost per thread or process", Quantity.time("time to create"),
                threadsAndForks());
        ChartTestSupport.assertDrawn(ChartImages.render(chart, 640, 400), 640, 400,
                "Creation cost per thread or process");
    }

    @ParameterizedTest(name = "{0}..{1} with {2} -> log {3}")
    @CsvSource({
            "6000, 300000, AUTO, true",     // 1.7 decades
            "6000, 100000, AUTO, false",    // 1.2 decades
            "6000, 300000, LINEAR, false",
            "6000, 9000, LOG, true"})
    void logAxisWhenDataSpanDecades(double a, double b, AxisScale scale, boolean log) {
        JFreeChart chart = BoxPlots.of("t", Quantity.time("time"),
                List.of(new SampleSet("a", new double[] {a, a}), new SampleSet("b", new double[] {b, b})), scale);
        CategoryPlot plot = chart.getCategoryPlot();
        if (log) {
            assertInstanceOf(LogAxis.class, plot.getRangeAxis());
        } else {
            assertInstanceOf(NumberAxis.class, plot.getRangeAxis());
        }
    }

    @Test
    void logNeverChosenForNonPositiveData() {
        JFreeChart chart = BoxPlots.of("t", Quantity.count("lost updates"),
                List.of(new SampleSet("a", new double[] {0, 1, 1000, 100_000})), AxisScale.LOG);
        assertInstanceOf(NumberAxis.class, chart.getCategoryPlot().getRangeAxis());
    }

    @Test
    void axisShowsReadableUnitAndDataAreRescaled() {
        JFreeChart chart = BoxPlots.of("t", Quantity.time("time to create"), threadsAndForks(), AxisScale.LINEAR);
        CategoryPlot plot = chart.getCategoryPlot();
        assertEquals("time to create (µs)", plot.getRangeAxis().getLabel());
        BoxAndWhiskerCategoryDataset data = (BoxAndWhiskerCategoryDataset) plot.getDataset();
        assertEquals(6.0, data.getMedianValue(0, 0).doubleValue(), 0.2);
        assertEquals(300.0, data.getMedianValue(0, 1).doubleValue(), 6);
        assertEquals(List.of("pthread_create", "fork", "posix_spawn"), data.getColumnKeys());
        assertFalse(chart.getTitle().getText().isEmpty());
    }

    @Test
    void outliersAreSmallDotsNeverDropped() {
        double[] values = around(100, 1, 50, 4);
        values[0] = 106; // beyond the whiskers, within reach of the axis
        JFreeChart chart = BoxPlots.of("t", Quantity.time("t"), List.of(new SampleSet("a", values)), AxisScale.LINEAR);
        BoxAndWhiskerCategoryDataset data = (BoxAndWhiskerCategoryDataset) chart.getCategoryPlot().getDataset();
        MultiValueCategoryDataset dots = (MultiValueCategoryDataset) chart.getCategoryPlot().getDataset(1);
        assertTrue(dots.getValues(0, 0).stream().anyMatch(v -> ((Number) v).doubleValue() == 106));
        assertTrue(data.getMaxRegularValue(0, 0).doubleValue() < 106);
        assertTrue(data.getOutliers(0, 0).isEmpty(), "JFreeChart's own outlier circles are as wide as the box");
        assertTrue(chart.getCategoryPlot().getRangeAxis().getUpperBound() > 106);
    }

    @Test
    void aSampleFarOffTheAxisIsCountedAtItsEdge() {
        double[] values = around(100, 1, 50, 4);
        values[0] = 1_000; // would squash the box into a line on a linear axis
        values[1] = 900;
        JFreeChart chart = BoxPlots.of("t", Quantity.time("t"), List.of(new SampleSet("a", values)), AxisScale.LINEAR);
        CategoryPlot plot = chart.getCategoryPlot();
        assertTrue(plot.getRangeAxis().getUpperBound() < 900);
        List<String> marks = plot.getAnnotations().stream()
                .map(a -> ((org.jfree.chart.annotations.CategoryTextAnnotation) a).getText()).toList();
        assertEquals(List.of("↑ 2 beyond, up to 1000 ns"), marks);
        // the mark sits in room of its own past the last sample drawn, not over the whisker and dots
        double whiskerTop = ((org.jfree.data.statistics.BoxAndWhiskerCategoryDataset) plot.getDataset(0))
                .getMaxRegularValue(0, 0).doubleValue();
        double edge = ((org.jfree.chart.annotations.CategoryTextAnnotation) plot.getAnnotations().get(0)).getValue();
        assertEquals(plot.getRangeAxis().getUpperBound(), edge, 1e-9);
        assertTrue(edge - whiskerTop > whiskerTop - plot.getRangeAxis().getLowerBound(),
                "mark at " + edge + ", whisker top at " + whiskerTop);
    }

    @Test
    void emptyInputIsRejectedInOneLine() {
        assertThrows(IllegalArgumentException.class, () -> BoxPlots.of("t", Quantity.time("t"), List.of()));
        assertThrows(IllegalArgumentException.class, () -> new SampleSet("a", new double[0]));
    }
}
