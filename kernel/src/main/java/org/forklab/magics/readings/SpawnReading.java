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
        ForkSweepFit small = null;
        ForkSweepFit huge = null;
        for (PageKind kind : PageKind.values()) {
            Optional<ForkSweepFit> fitted = ForkSweepFit.of(r.forkSweep(), kind, CostResult.ForkPoint::samples);
            if (fitted.isEmpty()) {
                continue;
            }
            ForkSweepFit fit = fitted.get();
            Regression line = fit.line();
            if (fit.tooPoorToTell().isEmpty()) {
                if (kind == PageKind.SMALL) {
                    small = fit;
                } else {
                    huge = fit;
                }
            }
            String interval = "95 % CI " + Units.range(line.slopeInterval().low(), line.slopeInterval().high(),
                    Unit.NANOSECONDS);
            parts.add("with " + kind.description() + " " + fit.tooPoorToTell()
                    .map(why -> "the " + fit.sizes() + " sizes do not fall on a line (" + why + ")")
                    .orElse(fit.noGrowthDetected()
                            ? "the memory touched added no cost this run could detect (" + interval + " per GiB)"
                            : "each GiB touched added " + Units.format(line.slope(), Unit.NANOSECONDS) + " (" + interval
                                    + ", r² " + Units.number(line.rSquared()) + ")"));
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
        return small == null || huge == null ? text : text + pageKinds(small, huge);
    }

    /** Why huge pages save: the mechanism behind a huge-page slope below the small-page one. */
    private static final String FEWER_ENTRIES = "there are 512 times fewer page-table entries to copy";
    /** Where a huge-page slope that saved nothing sends the reader: whether the pages were huge at all. */
    private static final String SEE_ANON_HUGE_PAGES = "see the AnonHugePages note for how much of the memory really sat on ";

    /** What the two slopes' intervals allow to say of huge pages against small ones, and only that. */
    private static String pageKinds(ForkSweepFit small, ForkSweepFit huge) {
        Regression s = small.line();
        Regression h = huge.line();
        if (small.noGrowthDetected()) {
            // with small pages nothing grew: the sizes were too small to show page-table copying
            return h.slopeInterval().low() > 0 ? ", so here huge pages were the dearer kind, not the cheaper: "
                    + SEE_ANON_HUGE_PAGES + "huge pages" : "";
        }
        if (huge.noGrowthDetected()) {
            return ", so huge pages took away all the growth this run could detect: " + FEWER_ENTRIES;
        }
        if (h.slopeInterval().high() < s.slopeInterval().low()) {
            return ", so with huge pages each GiB cost about " + Units.number(s.slope() / h.slope())
                    + "× less: " + FEWER_ENTRIES;
        }
        if (h.slopeInterval().low() > s.slopeInterval().high()) {
            // the mechanism says fewer entries; a dearer huge-page fork means the pages were likely not huge
            return ", so with huge pages each GiB cost more, not less: " + SEE_ANON_HUGE_PAGES + "huge pages";
        }
        return "; the two slopes' 95 % intervals overlap, so this run shows no saving from huge pages: "
                + SEE_ANON_HUGE_PAGES + "them";
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
