package org.forklab.magics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.forklab.experiments.cost.CostResult.ForkPoint;
import org.forklab.experiments.cost.PageKind;
import org.forklab.stats.Quantiles;
import org.forklab.stats.Regression;
import org.forklab.stats.Unit;
import org.forklab.stats.format.Units;

/**
 * The fork sweep read as lines against memory: per page kind, the least-squares slope of the
 * median fork+_exit+waitpid (and of the fork() call inside it) per GiB touched, with its
 * interval and r², or the reason the fit cannot tell. The point with no memory touched belongs
 * to both page kinds (nothing is touched, so the kind makes no difference).
 */
final class ForkSweepSlopes {
    private static final double GIB = 1L << 30;

    private ForkSweepSlopes() {
    }

    static List<String> notes(List<ForkPoint> sweep) {
        List<String> notes = new ArrayList<>();
        if (sweep.isEmpty()) {
            return notes;
        }
        notes.add("fork() call alone is timed inside the same forks as fork+_exit+waitpid, sample by sample, so it is"
                + " a part of that operation; the rest is the child's exit, which frees the copied page tables, and the reaping");
        for (PageKind kind : PageKind.values()) {
            List<ForkPoint> points = sweep.stream().filter(p -> p.pages() == kind || p.touchBytes() == 0).toList();
            if (points.stream().filter(p -> p.touchBytes() > 0).count() < 1 || points.size() < 2) {
                continue;
            }
            double[] x = points.stream().mapToDouble(p -> p.touchBytes() / GIB).toArray();
            notes.add(line("fork+_exit+waitpid", kind, x, points.stream().mapToDouble(p -> Quantiles.median(p.samples().values())).toArray()));
            notes.add(line("fork() call", kind, x, points.stream().mapToDouble(p -> Quantiles.median(p.forkCall().values())).toArray()));
        }
        return notes;
    }

    private static String line(String what, PageKind kind, double[] x, double[] y) {
        Regression r = Regression.of(x, y);
        String head = String.format(Locale.ROOT, "%s against memory (%s, %d sizes): %s per GiB", what, kind.description(),
                r.n(), r.slope() < 0 ? "< 0" : Units.format(r.slope(), Unit.NANOSECONDS));
        String interval = r.slopeInterval().isDefined()
                ? " (95 % CI " + Units.range(r.slopeInterval().low(), r.slopeInterval().high(), Unit.NANOSECONDS) + ")"
                : "";
        String fit = String.format(Locale.ROOT, ", r² %.3f", r.rSquared());
        return head + interval + fit + r.tooPoorToTell().map(why -> "; " + why).orElse("");
    }
}
