package org.forklab.magics.readings;

import java.util.List;
import java.util.Optional;
import org.forklab.experiments.scale.ScaleConfig;
import org.forklab.experiments.scale.ScaleResult;
import org.forklab.experiments.scale.Series;
import org.forklab.magics.claims.ClaimOutcome;
import org.forklab.magics.claims.Measurement;
import org.forklab.stats.Unit;
import org.forklab.stats.format.Units;

/**
 * %scale: resident memory added per idle process against per idle platform thread (least-squares
 * slopes with their intervals; the difference is detectable when the intervals do not overlap).
 */
public final class ScaleReading {
    static final String QUANTITY = "RSS";

    private ScaleReading() {
    }

    public static Reading of(ScaleResult r) {
        Optional<Measurement> thread = slope(r, List.of(ScaleConfig.PLATFORM));
        Optional<Measurement> process = slope(r, List.of(ScaleConfig.PROCESSES, ScaleConfig.FORKED));
        String finding;
        if (thread.isEmpty() || process.isEmpty()) {
            finding = (thread.isEmpty() && process.isEmpty() ? "neither platform threads nor processes were"
                    : thread.isEmpty() ? "platform threads were not" : "processes were not")
                    + " measured at three counts or more, so their memory per entity cannot be compared";
        } else {
            finding = compare(thread.get(), process.get());
        }
        return Readings.withClaims(finding, ClaimOutcome.forResult(r, r.environment()));
    }

    /**
     * Both slopes when both fits are good; a side whose fit is too poor gives no figure of its
     * own (quoting its slope would be the verdict the table refuses), only its interval's end,
     * which can still show the other side is larger.
     */
    static String compare(Measurement t, Measurement p) {
        boolean apart = t.interval().isDefined() && p.interval().isDefined()
                && (t.interval().high() < p.interval().low() || p.interval().high() < t.interval().low());
        if (t.undecided().isEmpty() && p.undecided().isEmpty()) {
            String both = "each idle process added " + value(p) + " of resident memory and each idle platform thread "
                    + value(t);
            return both + (!apart ? "; the intervals overlap, so no difference is detectable"
                    : p.value() < t.value() ? ", so a thread cost more resident memory here than a process"
                    : t.interval().low() > 0 ? ", about " + Units.number(p.value() / t.value()) + "× as much per process"
                    // A thread's slope at or below zero has no ratio: its cost is lost in the noise.
                    : ", so a process cost more resident memory here than a thread, whose own figure cannot be told"
                    + " from zero at these counts");
        }
        if (t.undecided().isPresent() && p.undecided().isPresent()) {
            return "neither the processes' nor the platform threads' resident memory followed their count closely enough"
                    + " for a figure per entity (processes: " + p.undecided().get() + "; platform threads: "
                    + t.undecided().get() + ")";
        }
        boolean threadPoor = t.undecided().isPresent();
        Measurement poor = threadPoor ? t : p;
        Measurement good = threadPoor ? p : t;
        String goodText = threadPoor ? "each idle process added " + value(p) + " of resident memory"
                : "each idle platform thread added " + value(t) + " of resident memory";
        String poorName = threadPoor ? "platform threads" : "processes";
        String poorText = "the " + poorName + "' resident memory did not follow their count closely enough for a figure of"
                + " its own (" + poor.undecided().get() + ")";
        if (apart && poor.interval().high() < good.interval().low()) {
            return goodText + "; " + poorText + ", but its interval ends at "
                    + Units.format(poor.interval().high(), poor.unit()) + ", below that, so " + (threadPoor
                    ? "a process cost more resident memory here than a thread" : "a thread cost more resident memory here"
                    + " than a process");
        }
        return goodText + "; " + poorText + ", so the two cannot be compared at these counts";
    }

    /** The RSS slope of the first of {@code kinds} measured at three counts or more. */
    private static Optional<Measurement> slope(ScaleResult r, List<String> kinds) {
        for (String kind : kinds) {
            Optional<Series> s = r.series().stream()
                    .filter(x -> x.kind().equals(kind) && x.quantity().equals(QUANTITY) && x.x().length >= 3).findFirst();
            if (s.isPresent()) {
                return Optional.of(Measurement.slope(s.get().x(), s.get().y(), Unit.BYTES, "entity"));
            }
        }
        return Optional.empty();
    }

    private static String value(Measurement m) {
        return Units.format(m.value(), m.unit()) + (m.interval().isDefined() ? " (" + Units.level(m.interval().confidence())
                + " % CI " + Units.range(m.interval().low(), m.interval().high(), m.unit()) + ")" : "");
    }
}
