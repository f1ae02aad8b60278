package org.forklab.charts;

import org.forklab.stats.Unit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every chart kind, drawn with the labels the lessons produce at the size a notebook shows it:
 * no category label may lose a word, and counts get whole-number ticks.
 */
class ReadableChartsTest {

    static Stream<Arguments> lessonBoxPlots() {
        return Stream.of(
                Arguments.of("spawn, every variant", LessonLabels.spawn()),
                Arguments.of("spawn, two variants", LessonLabels.spawn().subList(0, 2)),
                Arguments.of("fork sweep", LessonLabels.forkSweep()),
                Arguments.of("pingpong, every mode and placement", LessonLabels.pingpong()),
                Arguments.of("pingpong, lesson 04", List.of(LessonLabels.pingpong().get(0), LessonLabels.pingpong().get(1),
                        LessonLabels.pingpong().get(2), LessonLabels.pingpong().get(3), LessonLabels.pingpong().get(4),
                        LessonLabels.pingpong().get(5))),
                Arguments.of("race, ns per increment", LessonLabels.race("ns per increment")),
                Arguments.of("race, lost updates", LessonLabels.race("lost updates per trial")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lessonBoxPlots")
    void boxPlotLabelsAreNeverCut(String what, List<String> labels) {
        JFreeChart chart = BoxPlots.of("t", Quantity.time("time per operation"), sets(labels));
        assertNoneCut(what, chart);
    }

    @Test
    void crashCategoriesAreNeverCut() {
        List<BarSeries> layers = new ArrayList<>();
        for (String layer : List.of("survived", "died", "corrupted (silently wrong)")) {
            layers.add(new BarSeries(layer, LessonLabels.crash().stream().map(c -> Bar.of(c, 1)).toList()));
        }
        JFreeChart chart = BarCharts.stacked("t", Quantity.count("healthy workers", "workers"), layers);
        assertNoneCut("crash", chart);
        assertWholeTicks(chart);
    }

    @Test
    void groupedBarsOfCountsHaveWholeTicksFromZero() {
        JFreeChart chart = BarCharts.grouped("t", null, Quantity.count("distinct values", "values"), List.of(
                new BarSeries("threads", List.of(Bar.of("PID", 1), Bar.of("TID", 3), Bar.of("stack pointer", 3))),
                new BarSeries("processes", List.of(Bar.of("PID", 3), Bar.of("TID", 3), Bar.of("stack pointer", 2)))));
        assertNoneCut("share", chart);
        assertWholeTicks(chart);
        assertEquals(0, chart.getCategoryPlot().getRangeAxis().getLowerBound());
        assertEquals("distinct values (values)", chart.getCategoryPlot().getRangeAxis().getLabel());
    }

    @Test
    void longLabelsGoDownTheSideAndShortOnesAcross() {
        JFreeChart across = BoxPlots.of("t", Quantity.time("t"), sets(LessonLabels.spawn().subList(0, 2)));
        assertEquals(PlotOrientation.VERTICAL, across.getCategoryPlot().getOrientation());
        JFreeChart side = BoxPlots.of("t", Quantity.time("t"), sets(LessonLabels.pingpong()));
        assertEquals(PlotOrientation.HORIZONTAL, side.getCategoryPlot().getOrientation());
        assertTrue(CategoryLayout.height(side) > ChartTheme.DEFAULT_HEIGHT, "15 categories down the side need height");
    }

    @Test
    void theCheckSeesACutLabel() {
        // the check itself must be able to fail: across, one line each, the pingpong labels are cut
        JFreeChart chart = BoxPlots.of("t", Quantity.time("t"), sets(LessonLabels.pingpong()));
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setOrientation(PlotOrientation.VERTICAL);
        plot.getDomainAxis().setMaximumCategoryLabelLines(1);
        List<String> cut = AxisLabels.cut(chart, ChartTheme.NOTEBOOK_WIDTH, ChartTheme.DEFAULT_HEIGHT);
        assertFalse(cut.isEmpty());
        assertTrue(cut.contains(LessonLabels.pingpong().get(0)), cut.toString());
    }

    @Test
    void aCountAxisInBoxesHasWholeTicks() {
        List<SampleSet> lost = List.of(new SampleSet("a", new double[] {0, 1, 2, 1, 0, 2}),
                new SampleSet("b", new double[] {0, 0, 1, 0, 1, 0}));
        JFreeChart chart = BoxPlots.of("t", Quantity.count("lost updates", "updates"), lost);
        assertWholeTicks(chart);
        assertEquals(0, chart.getCategoryPlot().getRangeAxis().getLowerBound());
    }

    @Test
    void throughputAndMemoryPerConnectionShareTheConnectionsAxis() {
        double[] x = {10, 100, 1000};
        List<SweepSeries> rate = List.of(new SweepSeries("threads", x, new double[] {9e4, 8e4, 5e4}, new double[] {9e4, 8e4, 5e4},
                new double[] {9e4, 8e4, 5e4}), new SweepSeries("selector", x, new double[] {7e4, 7e4, 7e4},
                new double[] {7e4, 7e4, 7e4}, new double[] {7e4, 7e4, 7e4}));
        double[] kb = {90_000, 70_000, 66_000};
        double[] small = {3_000, 2_500, 2_000};
        List<SweepSeries> memory = List.of(new SweepSeries("threads", x, kb, kb, kb), new SweepSeries("selector", x, small, small, small));
        JFreeChart chart = SweepCharts.panels("t", Quantity.count("connections held"), List.of(
                new SweepCharts.Panel(Quantity.rate("throughput", Unit.ROUND_TRIPS_PER_SECOND), rate, true),
                new SweepCharts.Panel(Quantity.bytes("RSS per connection"), memory, true)));
        org.jfree.chart.plot.CombinedDomainXYPlot plot = (org.jfree.chart.plot.CombinedDomainXYPlot) chart.getPlot();
        assertEquals(2, plot.getSubplots().size());
        assertTrue(plot.getDomainAxis() instanceof org.jfree.chart.axis.LogAxis, "10 to 1000 connections span two decades");
        assertEquals("connections held", plot.getDomainAxis().getLabel());
        for (Object sub : plot.getSubplots()) {
            org.jfree.chart.axis.ValueAxis y = ((org.jfree.chart.plot.XYPlot) sub).getRangeAxis();
            assertEquals(0, y.getLowerBound(), "throughput and memory start at zero: " + y.getLabel());
        }
        assertEquals("RSS per connection (KiB)", ((org.jfree.chart.plot.XYPlot) plot.getSubplots().get(1)).getRangeAxis().getLabel());
        assertEquals(2, plot.getLegendItems().getItemCount(), "each server once in the legend");
    }

    static void assertNoneCut(String what, JFreeChart chart) {
        int height = CategoryLayout.height(chart);
        List<String> cut = AxisLabels.cut(chart, ChartTheme.NOTEBOOK_WIDTH, height);
        assertTrue(cut.isEmpty(), what + ": labels cut at " + ChartTheme.NOTEBOOK_WIDTH + "×" + height + ": " + cut);
        for (AxisLabels.Shown shown : AxisLabels.shown(chart, ChartTheme.NOTEBOOK_WIDTH, height)) {
            assertTrue(shown.lines().size() <= CategoryLayout.MAX_LINES, what + ": " + shown);
        }
        assertFalse(AxisLabels.valueTicks(chart, ChartTheme.NOTEBOOK_WIDTH, height).isEmpty(), what + ": no value ticks");
    }

    static void assertWholeTicks(JFreeChart chart) {
        List<String> ticks = AxisLabels.valueTicks(chart, ChartTheme.NOTEBOOK_WIDTH, CategoryLayout.height(chart));
        assertFalse(ticks.isEmpty());
        for (String tick : ticks) {
            assertTrue(tick.replace(",", "").matches("-?\\d+"), "tick '" + tick + "' of " + ticks + " is not a whole number");
        }
    }

    static List<SampleSet> sets(List<String> labels) {
        Random random = new Random(7);
        List<SampleSet> sets = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            double[] v = new double[60];
            for (int j = 0; j < v.length; j++) {
                v[j] = 1_000 * (i + 1) * (1 + 0.1 * random.nextGaussian());
            }
            sets.add(new SampleSet(labels.get(i), v));
        }
        return sets;
    }

}
