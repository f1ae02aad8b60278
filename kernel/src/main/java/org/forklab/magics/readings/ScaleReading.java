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
            Measurement t = thread.get();
            Measurement p = process.get();
            String both = "each idle process added " + value(p) + " of resident memory and each idle platform thread "
                    + value(t);
            boolean apart = t.interval().isDefined() && p.interval().isDefined()
                    && (t.interval().high() < p.interval().low() || p.interval().high() < t.interval().low());
            finding = both + (!apart ? "; the intervals overlap, so no difference is detectable"
                    : p.value() < t.value() ? ", so a thread cost more resident memory here than a process"
                    : t.interval().low() > 0 ? ", about " + Units.number(p.value() / t.value()) + "× as much per process"
                    // A thread's slope at or below zero has no ratio: its cost is lost in the noise.
                    : ", so a process cost more resident memory here than a thread, whose own figure cannot be told"
                    + " from zero at these counts");
        }
        return Readings.withClaims(finding, ClaimOutcome.forResult(r, r.environment()));
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
