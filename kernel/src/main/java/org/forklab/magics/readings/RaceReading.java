package org.forklab.magics.readings;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.forklab.experiments.race.RaceOutcome;
import org.forklab.experiments.race.RaceResult;
import org.forklab.experiments.race.RaceVariant;
import org.forklab.magics.claims.ClaimOutcome;
import org.forklab.magics.readings.Contrast.Measure;
import org.forklab.magics.readings.Contrast.Side;
import org.forklab.stats.Summary;

/**
 * %race: whether unsynchronised threads lost updates and processes kept the parent's counter,
 * what the cheapest correct fix costs per increment against the unsynchronised loop, the claims.
 */
public final class RaceReading {
    /** The unsynchronised variant read first: the one the optimiser cannot fold away comes first. */
    static final List<RaceVariant> RACY = List.of(RaceVariant.VOLATILE, RaceVariant.NATIVE_VOLATILE,
            RaceVariant.INTERPRETED, RaceVariant.PLAIN, RaceVariant.NATIVE_PLAIN);
    static final List<RaceVariant> FIXES = List.of(RaceVariant.SYNCHRONIZED, RaceVariant.LOCK, RaceVariant.ATOMIC,
            RaceVariant.ADDER);

    private RaceReading() {
    }

    public static Reading of(RaceResult r) {
        Optional<RaceOutcome> racy = RACY.stream().map(r::outcome).flatMap(Optional::stream).findFirst();
        String threads = racy.map(RaceReading::lost).orElse("no unsynchronised thread variant was measured");
        String processes = r.outcome(RaceVariant.NATIVE_PROCESSES).or(() -> r.outcome(RaceVariant.PROCESSES))
                .filter(o -> o.parentCounter().isPresent())
                .map(o -> "; the parent's own counter stayed " + o.parentCounter().getAsLong() + " after its child"
                        + " processes counted")
                .orElse("");
        Optional<String> cost = racy.flatMap(x -> cheapestFix(r).map(fix -> "per increment, "
                + Contrast.of(Side.of(fix.variant().label(), fix.timing()), Side.of(x.variant().label(), x.timing()),
                Measure.TIME, "some trials ran the workers on one CPU and others on two").sentence()));
        List<ClaimOutcome> claims = ClaimOutcome.forResult(r, r.environment());
        return Readings.withClaims(threads + processes, cost, claims);
    }

    private static String lost(RaceOutcome o) {
        double median = Summary.of(Arrays.stream(o.lostUpdates()).asDoubleStream().toArray()).median();
        if (o.trialsWithLoss() == 0) {
            return String.format(Locale.ROOT, "%s lost no update in %d trials%s", o.variant().label(), o.trials(),
                    o.trialsWithOverlap() == 0 ? " because the workers never ran at the same time" : "");
        }
        return String.format(Locale.ROOT, "%s lost updates in %d of %d trials (median %,.0f of %,d per trial)",
                o.variant().label(), o.trialsWithLoss(), o.trials(), median, o.expected());
    }

    private static Optional<RaceOutcome> cheapestFix(RaceResult r) {
        return FIXES.stream().map(r::outcome).flatMap(Optional::stream).filter(o -> o.timing().size() > 0)
                .min(Comparator.comparingDouble(o -> Summary.of(o.timing().values()).median()));
    }
}
