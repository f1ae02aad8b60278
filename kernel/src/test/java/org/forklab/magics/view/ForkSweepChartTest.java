package org.forklab.magics.view;

import org.forklab.experiments.core.Settings;
import org.forklab.stats.Unit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.forklab.experiments.core.Environment;
import org.forklab.experiments.core.Samples;
import org.forklab.experiments.cost.CostResult;
import org.forklab.experiments.cost.CostResult.ForkPoint;
import org.forklab.experiments.cost.PageKind;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;

class ForkSweepChartTest {

    private static final long GB = 1L << 30;

    @Test
    void forkAgainstMemoryIsOneLinePerOperationAndPageKindOverTheSize() {
        CostResult r = result(List.of(point(0, PageKind.SMALL, 50_000), point(GB, PageKind.SMALL, 3_000_000),
                point(GB, PageKind.HUGE, 200_000)));
        JFreeChart chart = ForkSweepChart.of(r).orElseThrow();
        XYPlot plot = chart.getXYPlot();
        XYDataset data = plot.getDataset();
        assertEquals(4, data.getSeriesCount());
        assertEquals("fork+_exit+waitpid, 4 KB pages", data.getSeriesKey(0));
        assertEquals("fork() call alone, transparent huge pages", data.getSeriesKey(3));
        for (int s = 0; s < 4; s++) {
            assertEquals(2, data.getItemCount(s), "nothing touched starts every line");
        }
        assertEquals("memory touched before fork (GiB)", plot.getDomainAxis().getLabel());
        assertTrue(plot.getRangeAxis().getLabel().startsWith("median time per fork ("), plot.getRangeAxis().getLabel());
    }

    @Test
    void oneSizeIsNoSweep() {
        assertTrue(ForkSweepChart.of(result(List.of(point(0, PageKind.SMALL, 50_000)))).isEmpty());
    }

    private static CostResult result(List<ForkPoint> points) {
        return new CostResult(Environment.current(), Settings.none(), List.of(), points, List.of(), List.of());
    }

    private static ForkPoint point(long bytes, PageKind pages, double ns) {
        double[] v = {ns, ns * 1.1, ns * 0.9, ns * 1.05, ns * 0.95};
        double[] call = {ns / 2, ns / 2.2, ns / 1.8, ns / 2.1, ns / 1.9};
        return new ForkPoint(bytes, pages, -1, Samples.of("fork " + bytes, Unit.NANOSECONDS, v), Samples.of("call " + bytes, Unit.NANOSECONDS, call));
    }
}
