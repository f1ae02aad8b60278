package org.forklab.magics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.forklab.experiments.cost.CostResult.ForkPoint;
import org.forklab.experiments.cost.PageKind;
import org.forklab.magics.readings.ForkSweepFit;
import org.forklab.stats.Regression;
import org.forklab.stats.Unit;
import org.forklab.stats.format.Units;

/**
 * The fork sweep read as lines against memory: per page kind, the least-squares slope of the
 * median fork+_exit+waitpid (and of the fork() call inside it) per GiB touched, with its
 * interval and r², or the reason the fit cannot tell ({@link ForkSweepFit}, which the reading
 * uses too).
 */
final class ForkSweepSlopes {
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
            ForkSweepFit.of(sweep, kind, ForkPoint::samples).ifPresent(fit -> notes.add(line("fork+_exit+waitpid", fit)));
            ForkSweepFit.of(sweep, kind, ForkPoint::forkCall).ifPresent(fit -> notes.add(line("fork() call", fit)));
        }
        return notes;
    }

    private static String line(String what, ForkSweepFit fit) {
        Regression r = fit.line();
        String head = String.format(Locale.ROOT, "%s against memory (%s, %d sizes): %s per GiB", what, fit.kind().description(),
                r.n(), r.slope() < 0 ? "< 0" : Units.format(r.slope(), Unit.NANOSECONDS));
        String interval = r.slopeInterval().isDefined()
                ? " (95 % CI " + Units.range(r.slopeInterval().low(), r.slopeInterval().high(), Unit.NANOSECONDS) + ")"
                : "";
        String quality = String.format(Locale.ROOT, ", r² %.3f", r.rSquared());
        String verdict = fit.noGrowthDetected() ? "; no growth with memory that this run could detect"
                : fit.tooPoorToTell().map(why -> "; " + why).orElse("");
        return head + interval + quality + verdict;
    }
}
