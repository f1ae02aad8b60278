package org.forklab.magics.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.forklab.experiments.core.Environment;
import org.forklab.experiments.core.Samples;
import org.forklab.magics.view.SampleUnits;
import org.forklab.stats.ClaimCheck;
import org.forklab.stats.Summary;
import org.forklab.stats.Verdict;

/** A claim set against a measurement: the check from stats and, when they disagree, a likely cause. */
public record ClaimOutcome(Claim claim, ClaimCheck check, Optional<String> cause) {

    public static ClaimOutcome of(Claim claim, Samples samples, Environment env) {
        ClaimCheck check = ClaimCheck.of(claim.statement(), claim.range(), Summary.of(samples.values()),
                SampleUnits.of(samples.unit()));
        Optional<String> cause = switch (check.verdict()) {
            case WITHIN -> Optional.empty();
            case OVERLAPPING -> Optional.of("the median's interval reaches past an edge of the claimed range, so these"
                    + " samples cannot tell yet; more samples or trials narrow the interval");
            default -> Optional.of(claim.cause().explain(check.verdict(), env));
        };
        return new ClaimOutcome(claim, check, cause);
    }

    /** Every claim of the catalogue that {@code result} measures. */
    public static List<ClaimOutcome> forResult(Object result, Environment env) {
        List<ClaimOutcome> out = new ArrayList<>();
        for (Claim claim : Claims.ALL) {
            claim.measurement().apply(result).filter(s -> s.size() > 0).ifPresent(s -> out.add(of(claim, s, env)));
        }
        return out;
    }

    /** "fork of a minimal child ... : measured above the claim; likely cause: ...". */
    public Optional<String> sentence() {
        return cause.map(c -> check.claim() + ": " + check.verdict().word()
                + (check.verdict() == Verdict.OVERLAPPING ? " the claimed range: " : " the claim; likely cause: ") + c + ".");
    }
}
