package org.forklab.magics.view;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.forklab.charts.ChartRenderingException;
import org.forklab.charts.Quantity;
import org.forklab.charts.SweepCharts;
import org.forklab.charts.SweepSeries;
import org.forklab.experiments.core.Samples;
import org.forklab.experiments.cost.CostResult;
import org.forklab.experiments.cost.CostResult.ForkPoint;
import org.forklab.experiments.cost.PageKind;
import org.forklab.magics.io.Bundle;
import org.forklab.stats.Summary;
import org.forklab.stats.Unit;
import org.jfree.chart.JFreeChart;

/**
 * Fork time against the memory the parent touched: a sweep, so lines over the size, one per
 * operation and page kind (median and its interval), not a row of boxes whose labels differ
 * only in their last words. The point with nothing touched starts every line.
 */
public final class ForkSweepChart {

    private ForkSweepChart() {
    }

    /** {@code bundle} with the sweep's chart in place of its boxes, when there is a sweep and it can be drawn. */
    public static Bundle withSweep(Bundle bundle, CostResult r) {
        try {
            return of(r).map(chart -> bundle.withChart(ExperimentView.render(chart))).orElse(bundle);
        } catch (ChartRenderingException e) {
            return bundle; // the boxes (or the note that they could not be drawn) stay
        }
    }

    /** The sweep's chart, or none when the result has fewer than two sizes. */
    public static java.util.Optional<JFreeChart> of(CostResult r) {
        List<ForkPoint> points = r.forkSweep();
        if (points.stream().map(ForkPoint::touchBytes).distinct().count() < 2) {
            return java.util.Optional.empty();
        }
        Unit unit = points.get(0).samples().unit();
        List<SweepSeries> lines = new ArrayList<>();
        for (PageKind pages : PageKind.values()) {
            if (points.stream().noneMatch(p -> p.pages() == pages && p.touchBytes() > 0)) {
                continue;
            }
            // nothing touched is measured once, with small pages; it is the start of both kinds' lines
            List<ForkPoint> mine = points.stream().filter(p -> p.pages() == pages || p.touchBytes() == 0).toList();
            lines.add(line("fork+_exit+waitpid, " + pages.description(), mine, ForkPoint::samples));
            lines.add(line("fork() call alone, " + pages.description(), mine, ForkPoint::forkCall));
        }
        return java.util.Optional.of(SweepCharts.line("Fork time against memory the parent touched",
                Quantity.bytes("memory touched before fork"), new Quantity("median time per fork", unit), lines));
    }

    private static SweepSeries line(String label, List<ForkPoint> points, Function<ForkPoint, Samples> which) {
        Map<Long, Samples> bySize = new LinkedHashMap<>();
        points.stream().sorted(java.util.Comparator.comparingLong(ForkPoint::touchBytes))
                .forEach(p -> bySize.putIfAbsent(p.touchBytes(), which.apply(p)));
        double[] x = bySize.keySet().stream().mapToDouble(Long::doubleValue).toArray();
        List<Summary> summaries = bySize.values().stream().map(s -> Summary.of(s.values())).toList();
        return SweepSeries.ofMedians(label, x, summaries);
    }
}
