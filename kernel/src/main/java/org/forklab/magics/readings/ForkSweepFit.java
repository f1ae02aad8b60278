package org.forklab.magics.readings;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.forklab.experiments.core.Samples;
import org.forklab.experiments.cost.CostResult.ForkPoint;
import org.forklab.experiments.cost.PageKind;
import org.forklab.stats.Quantiles;
import org.forklab.stats.Regression;

/**
 * One page kind of the fork sweep as a line against memory: the least-squares fit of a median
 * per point (of fork+_exit+waitpid, or of the fork() call inside it) against the GiB touched.
 * The point with no memory touched belongs to both page kinds: nothing is touched, so the kind
 * makes no difference. The reading and the table's notes both read the sweep through this.
 */
public record ForkSweepFit(PageKind kind, int sizes, Regression line) {
    private static final double GIB = 1L << 30;
    /** What a poor fit of the sweep needs: more sizes of touched memory, %spawn's option for them. */
    public static final String MORE_SIZES = "sizes (--fork-memory)";

    /** The fit of {@code kind}'s points, or empty where fewer than two points or no touched one were measured. */
    public static Optional<ForkSweepFit> of(List<ForkPoint> sweep, PageKind kind, Function<ForkPoint, Samples> timed) {
        List<ForkPoint> points = sweep.stream().filter(p -> p.pages() == kind || p.touchBytes() == 0).toList();
        if (points.stream().noneMatch(p -> p.touchBytes() > 0) || points.size() < 2) {
            return Optional.empty();
        }
        double[] x = points.stream().mapToDouble(p -> p.touchBytes() / GIB).toArray();
        double[] y = points.stream().mapToDouble(p -> Quantiles.median(timed.apply(p).values())).toArray();
        return Optional.of(new ForkSweepFit(kind, points.size(), Regression.of(x, y)));
    }

    /**
     * The slope's interval holds zero: at these sizes the time did not grow detectably with the
     * memory touched. That is a finding (huge pages can make it so), not a poor fit, although its
     * r² is low by nature: the noise is all there is to explain.
     */
    public boolean noGrowthDetected() {
        return line.slopeInterval().contains(0); // false for an undefined (NaN) interval
    }

    /** Why this line cannot carry a slope, or empty when it can (or when it shows {@link #noGrowthDetected no growth}). */
    public Optional<String> tooPoorToTell() {
        return noGrowthDetected() ? Optional.empty() : line.tooPoorToTell(MORE_SIZES);
    }
}
