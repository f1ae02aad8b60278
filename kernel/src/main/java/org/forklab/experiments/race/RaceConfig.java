package org.forklab.experiments.race;

import org.forklab.experiments.core.TimeLimit;
import org.forklab.experiments.core.BadParameterException;
import org.forklab.experiments.core.Caps;
import org.forklab.experiments.core.Check;
import org.forklab.experiments.sandbox.SandboxLimits;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * What to race.
 *
 * @param workers    W: threads (or processes) incrementing at once
 * @param increments N: increments each worker makes per trial
 * @param trials     trials per variant; each keeps its own lost-update count
 * @param variants   the variants to run, in this order
 * @param caps       safety caps on threads, processes and memory
 * @param sandbox    heap and time limit of each child JVM (interpreted and processes variants)
 * @param timeLimit  the whole run stops, with everything it started, past this
 */
public record RaceConfig(int workers, long increments, int trials, List<RaceVariant> variants, Caps caps,
                         SandboxLimits sandbox, Duration timeLimit) {

    public static final int MAX_WORKERS = 256;
    public static final int MAX_INCREMENTS = 100_000_000;
    public static final int MAX_TRIALS = 10_000;

    public RaceConfig {
        variants = List.copyOf(variants);
        Check.range("workers", workers, 1, MAX_WORKERS);
        Check.range("increments", increments, 1, MAX_INCREMENTS);
        Check.range("trials", trials, 1, MAX_TRIALS);
        TimeLimit.check(timeLimit);
        if (variants.isEmpty()) {
            throw new BadParameterException("no race variant chosen: accepted " + String.join(", ", RaceVariant.words()));
        }
        caps.checkThreads(workers, "--max-threads");
        if (variants.stream().anyMatch(RaceVariant::processes)) {
            caps.checkProcesses(workers, "--max-processes");
        }
        // child JVMs: W for the processes variant, one for the interpreted one
        int childJvms = Math.max(variants.contains(RaceVariant.PROCESSES) ? workers : 0,
                variants.contains(RaceVariant.INTERPRETED) ? 1 : 0);
        if (childJvms > 0) {
            sandbox.checkMemoryFor(childJvms, caps, "--max-memory");
        }
    }

    /** Two workers, the lesson's 1,000,000 increments each, 20 trials of every variant: seconds in all. */
    public static RaceConfig defaults() {
        return defaults(Caps.defaults());
    }

    /** The defaults under given caps (a magic passes the caps its options raised). */
    public static RaceConfig defaults(Caps caps) {
        return new RaceConfig(2, 1_000_000, 20, Arrays.asList(RaceVariant.values()), caps,
                SandboxLimits.defaults(), Duration.ofSeconds(120));
    }

    public RaceConfig withWorkers(int w) {
        return new RaceConfig(w, increments, trials, variants, caps, sandbox, timeLimit);
    }

    public RaceConfig withIncrements(long n) {
        return new RaceConfig(workers, n, trials, variants, caps, sandbox, timeLimit);
    }

    public RaceConfig withTrials(int t) {
        return new RaceConfig(workers, increments, t, variants, caps, sandbox, timeLimit);
    }

    public RaceConfig withVariants(RaceVariant... v) {
        return new RaceConfig(workers, increments, trials, Arrays.asList(v), caps, sandbox, timeLimit);
    }

    public RaceConfig withVariants(List<RaceVariant> v) {
        return new RaceConfig(workers, increments, trials, v, caps, sandbox, timeLimit);
    }

    public RaceConfig withCaps(Caps c) {
        return new RaceConfig(workers, increments, trials, variants, c, sandbox, timeLimit);
    }

    public RaceConfig withSandbox(SandboxLimits s) {
        return new RaceConfig(workers, increments, trials, variants, caps, s, timeLimit);
    }

    public RaceConfig withTimeLimit(Duration limit) {
        return new RaceConfig(workers, increments, trials, variants, caps, sandbox, limit);
    }

    /** What every trial would count if no update were lost. */
    public long expectedPerTrial() {
        return workers * increments;
    }
}
