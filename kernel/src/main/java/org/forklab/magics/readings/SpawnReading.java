package org.forklab.magics.readings;

import java.util.List;
import org.forklab.experiments.cost.CostResult;
import org.forklab.experiments.cost.CostVariant;
import org.forklab.magics.claims.ClaimOutcome;
import org.forklab.magics.readings.Contrast.Measure;
import org.forklab.magics.readings.Contrast.Side;

/**
 * %spawn: a new thread against a new process, like for like where the run allows it (pthread
 * against fork in the probe, then a Java thread against ProcessBuilder), then the claims.
 */
public final class SpawnReading {
    /** Thread side, process side: the first pair measured in this run is read. */
    static final List<CostVariant[]> PAIRS = List.of(
            new CostVariant[] {CostVariant.PTHREAD, CostVariant.FORK},
            new CostVariant[] {CostVariant.PLATFORM_THREAD, CostVariant.PROCESS_BUILDER},
            new CostVariant[] {CostVariant.PLATFORM_THREAD, CostVariant.FORK},
            new CostVariant[] {CostVariant.PTHREAD, CostVariant.POSIX_SPAWN},
            new CostVariant[] {CostVariant.VIRTUAL_THREAD, CostVariant.PROCESS_BUILDER});

    private SpawnReading() {
    }

    public static Reading of(CostResult r) {
        CostVariant[] pair = PAIRS.stream().filter(p -> r.of(p[0]).isPresent() && r.of(p[1]).isPresent()).findFirst()
                .orElse(PAIRS.get(0));
        Contrast.Outcome o = Contrast.of(side(r, pair[0]), side(r, pair[1]), Measure.TIME,
                "some children or threads started on the creator's CPU and others on an idle one (see --placement),"
                        + " or other work took the CPU during part of the run");
        List<ClaimOutcome> claims = ClaimOutcome.forResult(r, r.environment());
        return Readings.withClaims("creating work: " + o.sentence(), claims);
    }

    private static Side side(CostResult r, CostVariant v) {
        return r.of(v).map(s -> Side.of(v.label(), s)).orElse(Side.missing(v.label()));
    }
}
