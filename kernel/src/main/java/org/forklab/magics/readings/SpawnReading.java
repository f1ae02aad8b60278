package org.forklab.magics.readings;

import java.util.List;
import java.util.Optional;
import org.forklab.experiments.cost.CostResult;
import org.forklab.experiments.cost.CostVariant;
import org.forklab.magics.claims.ClaimOutcome;
import org.forklab.magics.readings.Contrast.Measure;
import org.forklab.magics.readings.Contrast.Side;
import org.forklab.experiments.cost.PageKind;
import org.forklab.stats.Quantiles;
import org.forklab.stats.Regression;
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
        Optional<String> sweep = r.forkSweep().isEmpty() ? Optional.empty()
                : Optional.of("fork after touching memory: " + sweep(r));
        if (pair == null && sweep.isPresent()) {
            // a sweep of fork against touched memory: its finding is the slope, not one mechanism's median
            return Readings.withClaims(sweep.get(), claims);
        }
        if (pair == null) {
            // one mechanism: its figure, and how to get a comparison, rather than "neither X nor Y was measured"
            return Readings.withClaims("creating work: " + single(r, measured), claims);
        }
        Contrast.Outcome o = Contrast.of(side(r, pair[0]), side(r, pair[1]), Measure.TIME,
                "some children or threads started on the creator's CPU and others on an idle one (see --placement),"
                        + " or other work took the CPU during part of the run");
        return Readings.withClaims("creating work: " + o.sentence(), sweep, claims);
    }

    /** Per page kind: the slope of the median fork+_exit+waitpid per GiB touched, or why the fit cannot tell. */
    static String sweep(CostResult r) {
        List<String> parts = new java.util.ArrayList<>();
        Regression small = null;
        Regression huge = null;
        for (PageKind kind : PageKind.values()) {
            Optional<ForkSweepFit> fitted = ForkSweepFit.of(r.forkSweep(), kind, CostResult.ForkPoint::samples);
            if (fitted.isEmpty()) {
                continue;
            }
            Regression fit = fitted.get().line();
            if (fitted.get().tooPoorToTell().isEmpty()) {
                if (kind == PageKind.SMALL) {
                    small = fit;
                } else {
                    huge = fit;
                }
            }
            parts.add("with " + kind.description() + " " + fitted.get().tooPoorToTell()
                    .map(why -> "the " + fitted.get().sizes() + " sizes do not fall on a line (" + why + ")")
                    .orElse("each GiB touched added " + Units.format(fit.slope(), Unit.NANOSECONDS) + " (95 % CI "
                            + Units.range(fit.slopeInterval().low(), fit.slopeInterval().high(), Unit.NANOSECONDS)
                            + ", r² " + Units.number(fit.rSquared()) + ")"));
        }
        if (parts.isEmpty()) {
            List<CostResult.ForkPoint> touched = r.forkSweep().stream().filter(p -> p.touchBytes() > 0).toList();
            if (touched.isEmpty()) {
                return "no size above zero was measured, so there is no slope to read";
            }
            // one size (a control panel's run): its time is the finding; a slope needs two sizes of a page kind
            return touched.stream().map(p -> "with " + Units.bytes(p.touchBytes()) + " touched in " + p.pages().description()
                    + " a fork+_exit+waitpid took a median " + Units.duration(Quantiles.median(p.samples().values())))
                    .collect(java.util.stream.Collectors.joining("; "))
                    + "; one size per page kind gives no slope against memory: add " + ForkSweepFit.MORE_SIZES;
        }
        String text = String.join("; ", parts);
        if (small != null && huge != null && huge.slope() > 0 && huge.slopeInterval().high() < small.slopeInterval().low()) {
            text += ", so with huge pages each GiB cost about " + Units.number(small.slope() / huge.slope())
                    + "× less: there are 512 times fewer page-table entries to copy";
        }
        return text;
    }

    private static String single(CostResult r, List<CostVariant> measured) {
        if (measured.isEmpty()) {
            return "nothing was measured in this run (see the notes for why), so there is nothing to read";
        }
        CostVariant v = measured.get(0);
        boolean thread = THREADS.contains(v);
        String partner = v.isNative() ? (thread ? CostVariant.FORK : CostVariant.PTHREAD).word()
                : (thread ? CostVariant.PROCESS_BUILDER : CostVariant.PLATFORM_THREAD).word();
        // its figure is in the table and, where the lesson claims one, in the verdict that follows
        return "only " + v.label() + " was measured in this run; add " + (thread ? "a process" : "a thread") + " (e.g. -v "
                + v.word() + "," + partner + ") to see a thread against a process";
    }

    private static Side side(CostResult r, CostVariant v) {
        return r.of(v).map(s -> Side.of(v.label(), s)).orElse(Side.missing(v.label()));
    }
}
