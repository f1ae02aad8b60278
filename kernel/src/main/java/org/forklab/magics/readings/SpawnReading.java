package org.forklab.magics.readings;

import java.util.List;
import org.forklab.experiments.cost.CostResult;
import org.forklab.experiments.cost.CostVariant;
import org.forklab.magics.claims.ClaimOutcome;
import org.forklab.magics.readings.Contrast.Measure;
import org.forklab.magics.readings.Contrast.Side;
import org.forklab.experiments.core.Samples;
import org.forklab.stats.Summary;
import org.forklab.stats.Unit;
import org.forklab.stats.format.Units;

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

    private static final java.util.Set<CostVariant> THREADS = java.util.EnumSet.of(CostVariant.PLATFORM_THREAD,
            CostVariant.VIRTUAL_THREAD, CostVariant.EXECUTOR_LATENCY, CostVariant.EXECUTOR_THROUGHPUT, CostVariant.PTHREAD);

    private SpawnReading() {
    }

    public static Reading of(CostResult r) {
        List<ClaimOutcome> claims = ClaimOutcome.forResult(r, r.environment());
        List<CostVariant> measured = r.variants().stream().map(CostResult.VariantSamples::variant).distinct().toList();
        CostVariant[] pair = PAIRS.stream().filter(p -> r.of(p[0]).isPresent() && r.of(p[1]).isPresent()).findFirst()
                // no thread-process pair: the first two mechanisms measured, e.g. a platform against a virtual thread
                .orElse(measured.size() >= 2 ? new CostVariant[] {measured.get(0), measured.get(1)} : null);
        if (pair == null) {
            // one mechanism: its figure, and how to get a comparison, rather than "neither X nor Y was measured"
            return Readings.withClaims("creating work: " + single(r, measured), claims);
        }
        Contrast.Outcome o = Contrast.of(side(r, pair[0]), side(r, pair[1]), Measure.TIME,
                "some children or threads started on the creator's CPU and others on an idle one (see --placement),"
                        + " or other work took the CPU during part of the run");
        return Readings.withClaims("creating work: " + o.sentence(), claims);
    }

    private static String single(CostResult r, List<CostVariant> measured) {
        if (measured.isEmpty()) {
            return "nothing was measured in this run (see the notes for why), so there is nothing to read";
        }
        CostVariant v = measured.get(0);
        Samples s = r.of(v).orElseThrow();
        Summary summary = Summary.of(s.values());
        Unit unit = Unit.ofWord(s.unit());
        String interval = summary.medianInterval().isDefined() ? " (" + Units.level(summary.medianInterval().confidence())
                + " % CI " + Units.range(summary.medianInterval().low(), summary.medianInterval().high(), unit) + ")" : "";
        boolean thread = THREADS.contains(v);
        String partner = v.isNative() ? (thread ? CostVariant.FORK : CostVariant.PTHREAD).word()
                : (thread ? CostVariant.PROCESS_BUILDER : CostVariant.PLATFORM_THREAD).word();
        return v.label() + " took a median of " + Units.format(summary.median(), unit) + interval + "; add "
                + (thread ? "a process" : "a thread") + " (e.g. -v " + v.word() + "," + partner
                + ") to see a thread against a process";
    }

    private static Side side(CostResult r, CostVariant v) {
        return r.of(v).map(s -> Side.of(v.label(), s)).orElse(Side.missing(v.label()));
    }
}
