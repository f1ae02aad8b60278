package org.forklab.experiments.race;

import org.forklab.stats.Unit;
import org.forklab.experiments.core.Samples;

import java.util.Arrays;
import java.util.OptionalLong;

/**
 * The trials of one variant.
 *
 * @param variant        what ran
 * @param expected       W × N, the count if nothing were lost
 * @param counted        per trial: the shared counter after the join (threads), or the sum of
 *                       the children's own counters (processes)
 * @param processCounts  per trial, per process: what each process counted in its own copy
 *                       (empty for threads)
 * @param parentCounter  processes only: the parent's copy of the counter afterwards
 * @param overlapNanos   per trial, how long all workers were inside their loops at once; where
 *                       it is 0 they took turns and no update could be lost, whatever the variant
 *                       (common on a busy machine with few cores)
 * @param timing         per trial, the slowest worker's loop time divided by N (ns per
 *                       increment); the first trial is kept apart as cold when there are several
 */
public record RaceOutcome(RaceVariant variant, long expected, long[] counted, long[][] processCounts,
                          OptionalLong parentCounter, long[] overlapNanos, Samples timing) {

    public RaceOutcome {
        counted = counted.clone();
        overlapNanos = overlapNanos.clone();
        processCounts = Arrays.stream(processCounts).map(long[]::clone).toArray(long[][]::new);
    }

    @Override
    public long[] counted() {
        return counted.clone();
    }

    @Override
    public long[] overlapNanos() {
        return overlapNanos.clone();
    }

    /** Trials in which the workers really ran at the same time for a while. */
    public int trialsWithOverlap() {
        return (int) Arrays.stream(overlapNanos).filter(o -> o > 0).count();
    }

    @Override
    public long[][] processCounts() {
        return Arrays.stream(processCounts).map(long[]::clone).toArray(long[][]::new);
    }

    /** Lost updates per trial: W × N minus what was counted; never negative. */
    public long[] lostUpdates() {
        return Arrays.stream(counted).map(c -> expected - c).toArray();
    }

    /** The lost updates as samples (unit updates), for the statistics and charts. */
    public Samples lostUpdateSamples() {
        return Samples.of(variant.label() + ": lost updates per trial", Unit.UPDATES,
                Arrays.stream(lostUpdates()).asDoubleStream().toArray());
    }

    /** Trials that lost at least one update. */
    public int trialsWithLoss() {
        return (int) Arrays.stream(lostUpdates()).filter(l -> l > 0).count();
    }

    public int trials() {
        return counted.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RaceOutcome r && variant == r.variant && expected == r.expected
                && Arrays.equals(counted, r.counted) && Arrays.deepEquals(processCounts, r.processCounts)
                && parentCounter.equals(r.parentCounter) && Arrays.equals(overlapNanos, r.overlapNanos)
                && timing.equals(r.timing);
    }

    @Override
    public int hashCode() {
        return 31 * variant.hashCode() + Arrays.hashCode(counted);
    }

    @Override
    public String toString() {
        return "RaceOutcome[" + variant.word() + ", expected " + expected + ", counted " + Arrays.toString(counted)
                + parentCounter.stream().mapToObj(p -> ", parent " + p).findFirst().orElse("") + "]";
    }
}
