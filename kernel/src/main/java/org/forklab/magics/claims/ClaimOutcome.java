package org.forklab.magics.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.forklab.experiments.core.Environment;
import org.forklab.stats.ClaimCheck;
import org.forklab.stats.Interval;
import org.forklab.stats.Verdict;

/** A claim set against a measurement: the check from stats and, when they disagree, a likely cause. */
public record ClaimOutcome(Claim claim, ClaimCheck check, Optional<String> cause) {

    /** {@code claim} against {@code m}, measured by {@code result} (whose settings the cause reads). */
    public static ClaimOutcome of(Claim claim, Object result, Measurement m, Environment env) {
        double factor = m.unit().convert(1, claim.range().unit());
        Interval interval = m.interval().isDefined() ? m.interval().scaled(factor) : Interval.undefined(m.interval().confidence());
        double value = m.value() * factor;
        Interval decisive = interval.isDefined() ? interval : new Interval(value, value, interval.confidence());
        ClaimCheck check = new ClaimCheck(claim.statement(), claim.range(), value, interval,
                m.undecided().isPresent() ? Verdict.UNDECIDED : Verdict.of(decisive, claim.range()));
        Optional<String> cause = switch (check.verdict()) {
            case WITHIN -> Optional.empty();
            case UNDECIDED -> m.undecided();
            case OVERLAPPING -> Optional.of("the interval reaches past an edge of the claimed range, so the data cannot tell"
                    + " yet; more samples, trials or counts narrow it");
            default -> Optional.of(claim.cause().explain(check.verdict(), env, result));
        };
        return new ClaimOutcome(claim, check, cause);
    }

    /** Every claim of the catalogue that {@code result} measures. */
    public static List<ClaimOutcome> forResult(Object result, Environment env) {
        List<ClaimOutcome> out = new ArrayList<>();
        for (Claim claim : Claims.ALL) {
            claim.measurement().apply(result).ifPresent(m -> out.add(of(claim, result, m, env)));
        }
        return out;
    }

    /** "fork of a minimal child ... : measured above the claim; likely cause: ...". */
    public Optional<String> sentence() {
        return cause.map(c -> check.claim() + ": " + check.verdict().word()
                + switch (check.verdict()) {
                    case OVERLAPPING -> " the claimed range: ";
                    case UNDECIDED -> ": ";
                    default -> " the claim; likely cause: ";
                } + c + ".");
    }
}
