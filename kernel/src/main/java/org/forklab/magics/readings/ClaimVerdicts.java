package org.forklab.magics.readings;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.forklab.magics.claims.ClaimOutcome;
import org.forklab.stats.ClaimCheck;
import org.forklab.stats.Verdict;
import org.forklab.stats.format.Units;

/**
 * The lesson's claims that a run answered, in at most two sentences: which hold, which the
 * measurement lies above or below (with the value), which the interval cannot decide, and the
 * likely cause of the first disagreement. The full table stays below the reading.
 */
public final class ClaimVerdicts {
    /** Claims outside their range named one by one; the rest are counted. */
    static final int SHOWN = 2;

    private ClaimVerdicts() {
    }

    /** The verdict sentence, empty when the run answered no claim. */
    public static Optional<String> verdict(List<ClaimOutcome> outcomes) {
        if (outcomes.isEmpty()) {
            return Optional.empty();
        }
        List<ClaimOutcome> within = of(outcomes, Verdict.WITHIN);
        List<ClaimOutcome> overlapping = of(outcomes, Verdict.OVERLAPPING);
        List<ClaimOutcome> outside = outcomes.stream()
                .filter(o -> o.check().verdict() == Verdict.ABOVE || o.check().verdict() == Verdict.BELOW).toList();
        if (within.size() == outcomes.size()) {
            return Optional.of(outcomes.size() == 1
                    ? "the lesson's claim holds here: " + measured(outcomes.get(0)) + ", inside " + claimed(outcomes.get(0))
                    : "all " + outcomes.size() + " of the lesson's claims measured here hold: every interval lies inside"
                    + " its claimed range");
        }
        List<String> parts = new ArrayList<>();
        if (!within.isEmpty()) {
            parts.add(within.size() == 1 ? "one holds (" + within.get(0).claim().id() + ")" : within.size() + " hold");
        }
        outside.stream().limit(SHOWN).forEach(o -> parts.add(o.claim().id() + " measured " + measured(o) + ", "
                + o.check().verdict().word() + " the claimed " + claimed(o)));
        if (outside.size() > SHOWN) {
            parts.add((outside.size() - SHOWN) + " more outside their ranges (see the table)");
        }
        if (!overlapping.isEmpty()) {
            parts.add(overlapping.size() == 1
                    ? overlapping.get(0).claim().id() + " cannot be decided yet (" + measured(overlapping.get(0))
                    + " reaches past an edge of " + claimed(overlapping.get(0)) + ")"
                    : overlapping.size() + " cannot be decided yet (their intervals reach past an edge of the claimed range)");
        }
        String lead = outcomes.size() == 1 ? "against the lesson's claim: " : "against the lesson's " + outcomes.size()
                + " claims measured here: ";
        return Optional.of(lead + String.join("; ", parts));
    }

    /** "Likely cause for fork-exec: …", for the first claim measured outside its range. */
    public static Optional<String> cause(List<ClaimOutcome> outcomes) {
        return outcomes.stream().filter(o -> o.check().verdict() == Verdict.ABOVE || o.check().verdict() == Verdict.BELOW)
                .filter(o -> o.cause().isPresent()).findFirst()
                .map(o -> "likely cause" + (outcomes.size() == 1 ? "" : " for " + o.claim().id()) + ": " + o.cause().get());
    }

    private static List<ClaimOutcome> of(List<ClaimOutcome> outcomes, Verdict verdict) {
        return outcomes.stream().filter(o -> o.check().verdict() == verdict).toList();
    }

    /** "312 µs (95 % CI 300–330 µs)". */
    static String measured(ClaimOutcome o) {
        ClaimCheck c = o.check();
        String value = Units.format(c.measured(), c.range().unit());
        return c.interval().isDefined()
                ? value + " (" + Units.level(c.interval().confidence()) + " % CI "
                        + Units.range(c.interval().low(), c.interval().high(), c.range().unit()) + ")"
                : value;
    }

    /** "range 50–100 µs". */
    static String claimed(ClaimOutcome o) {
        ClaimCheck c = o.check();
        return c.range().low() == c.range().high() ? "value " + Units.format(c.range().low(), c.range().unit())
                : "range " + Units.range(c.range().low(), c.range().high(), c.range().unit());
    }
}
