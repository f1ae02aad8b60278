package org.forklab.magics.readings;

import java.util.List;
import java.util.Optional;
import org.forklab.experiments.c10k.C10kResult;
import org.forklab.experiments.cost.CostResult;
import org.forklab.experiments.faults.FaultResult;
import org.forklab.experiments.ipc.IpcResult;
import org.forklab.experiments.race.RaceResult;
import org.forklab.experiments.scale.ScaleResult;
import org.forklab.experiments.share.ShareResult;
import org.forklab.experiments.switching.SwitchResult;
import org.forklab.magics.io.Bundle;
import org.forklab.magics.claims.ClaimOutcome;

/** The reading of any experiment result, by its type; every experiment display opens with it. */
public final class Readings {
    private Readings() {
    }

    /** The reading of {@code result}, or nothing for a type that has none (e.g. %claims' report). */
    public static Optional<Reading> of(Object result) {
        if (result instanceof CostResult r) {
            return Optional.of(SpawnReading.of(r));
        } else if (result instanceof SwitchResult r) {
            return Optional.of(PingPongReading.of(r));
        } else if (result instanceof ShareResult r) {
            return Optional.of(ShareReading.of(r));
        } else if (result instanceof RaceResult r) {
            return Optional.of(RaceReading.of(r));
        } else if (result instanceof FaultResult r) {
            return Optional.of(CrashReading.of(r));
        } else if (result instanceof IpcResult r) {
            return Optional.of(IpcReading.of(r));
        } else if (result instanceof ScaleResult r) {
            return Optional.of(ScaleReading.of(r));
        } else if (result instanceof C10kResult r) {
            return Optional.of(C10kReading.of(r));
        }
        return Optional.empty();
    }

    /** {@code bundle} opening with the reading of {@code result}, when it has one. */
    public static Bundle first(Object result, Bundle bundle) {
        return of(result).map(r -> r.first(bundle)).orElse(bundle);
    }

    /** The finding, then the verdict on the lesson's claims with the likely cause of a disagreement. */
    static Reading withClaims(String finding, List<ClaimOutcome> claims) {
        return withClaims(finding, Optional.empty(), claims);
    }

    /** At most three sentences: the finding, a second finding, the claims' verdict joined with its cause. */
    static Reading withClaims(String finding, Optional<String> second, List<ClaimOutcome> claims) {
        Optional<String> verdict = ClaimVerdicts.verdict(claims)
                .map(v -> v + ClaimVerdicts.cause(claims).map(c -> "; " + c).orElse(""));
        return Reading.of(finding, second, verdict);
    }
}
