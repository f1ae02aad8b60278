package org.forklab.experiments.scale;

import org.forklab.experiments.core.TimeLimit;
import org.forklab.experiments.core.BadParameterException;
import org.forklab.experiments.core.Caps;
import org.forklab.experiments.core.Check;
import org.forklab.experiments.core.Limits;

import java.time.Duration;
import java.util.List;

/**
 * What the scale experiment creates: which kinds, at which counts, under which caps.
 *
 * @param kinds            words from {@link #KINDS}
 * @param threadCounts     platform thread counts, measured in this order
 * @param virtualCounts    virtual thread counts
 * @param processCounts    idle process counts (both process kinds)
 * @param threadStackBytes stack size asked for each platform thread, 0 for the JVM's default
 *                         (-Xss, 1 MiB on Linux x86-64; a C program's pthread default is 8 MiB, ulimit -s)
 * @param caps             safety caps every count is checked against
 * @param timeLimit        the whole run stops past this
 */
public record ScaleConfig(List<String> kinds, List<Long> threadCounts, List<Long> virtualCounts,
                          List<Long> processCounts, long threadStackBytes, Caps caps, Duration timeLimit) {
    public static final String PLATFORM = "platform-threads";
    public static final String VIRTUAL = "virtual-threads";
    public static final String PROCESSES = "processes";
    public static final String FORKED = "forked-processes";
    public static final List<String> KINDS = List.of(PLATFORM, VIRTUAL, PROCESSES, FORKED);
    // The accepted counts and sizes, written once: the config checks them and %scale's options declare them.
    public static final int MAX_THREADS = 1_000_000;
    public static final int MAX_VIRTUAL_THREADS = 10_000_000;
    public static final int MAX_PROCESSES = 100_000;
    public static final long MIN_STACK_BYTES = 64 << 10;
    public static final long MAX_STACK_BYTES = 1L << 30;

    public ScaleConfig {
        kinds = List.copyOf(kinds);
        threadCounts = List.copyOf(threadCounts);
        virtualCounts = List.copyOf(virtualCounts);
        processCounts = List.copyOf(processCounts);
        if (kinds.isEmpty()) {
            throw new BadParameterException("no kind given: accepted " + String.join(", ", KINDS));
        }
        for (String k : kinds) {
            Check.oneOf("kind", k, KINDS);
        }
        checkCounts("platform thread count", threadCounts, MAX_THREADS, kinds.contains(PLATFORM));
        checkCounts("virtual thread count", virtualCounts, MAX_VIRTUAL_THREADS, kinds.contains(VIRTUAL));
        checkCounts("process count", processCounts, MAX_PROCESSES, kinds.contains(PROCESSES) || kinds.contains(FORKED));
        for (long n : threadCounts) {
            caps.checkThreads(n, "--max-threads");
        }
        for (long n : virtualCounts) {
            caps.checkVirtualThreads(n, "--max-virtual-threads");
        }
        for (long n : processCounts) {
            caps.checkProcesses(n, "--max-processes");
        }
        checkTwoPoints("platform thread counts", threadCounts, kinds.contains(PLATFORM), "25,50,100,150,200");
        checkTwoPoints("virtual thread counts", virtualCounts, kinds.contains(VIRTUAL), "500,1000,2000,3000,4000");
        checkTwoPoints("process counts", processCounts, kinds.contains(PROCESSES) || kinds.contains(FORKED), "4,8,12,16,20");
        if (threadStackBytes != 0) {
            Check.range("thread stack (bytes)", threadStackBytes, MIN_STACK_BYTES, MAX_STACK_BYTES);
        }
        TimeLimit.check(timeLimit);
    }

    private static void checkCounts(String name, List<Long> counts, long max, boolean used) {
        if (used && counts.isEmpty()) {
            throw new BadParameterException("no " + name + " given: give one or more counts, e.g. 100 200 400 800");
        }
        for (long n : counts) {
            Check.range(name, n, 1, max);
        }
    }

    /** A slope is a line through points: one count gives none (checked after the ranges and caps). */
    private static void checkTwoPoints(String name, List<Long> counts, boolean used, String example) {
        if (used && counts.size() == 1) {
            throw new BadParameterException(name + ": 1 point given (" + counts.get(0) + "); a slope per entity needs"
                    + " at least 2 counts, 5 or more to judge the fit, e.g. " + example);
        }
    }

    /** Five counts per kind (fewer cannot judge a fit: r² and the interval need points to spare): a few seconds. */
    public static ScaleConfig defaults() {
        return new ScaleConfig(KINDS, List.of(100L, 200L, 400L, 600L, 800L), List.of(1_000L, 2_000L, 4_000L, 6_000L, 8_000L),
                List.of(10L, 20L, 40L, 60L, 80L), 0, Caps.defaults(), Duration.ofSeconds(120));
    }

    /** The lesson's scale: up to 10,000 platform threads, 1,000,000 virtual threads and 1,000 processes. */
    public static ScaleConfig targets() {
        return defaults().withThreadCounts(List.of(1_250L, 2_500L, 5_000L, 7_500L, 10_000L))
                .withVirtualCounts(List.of(125_000L, 250_000L, 500_000L, 750_000L, 1_000_000L))
                .withProcessCounts(List.of(125L, 250L, 500L, 750L, 1_000L)).withTimeLimit(Duration.ofMinutes(10));
    }

    public ScaleConfig withKinds(List<String> k) {
        return new ScaleConfig(k, threadCounts, virtualCounts, processCounts, threadStackBytes, caps, timeLimit);
    }

    public ScaleConfig withThreadCounts(List<Long> c) {
        return new ScaleConfig(kinds, c, virtualCounts, processCounts, threadStackBytes, caps, timeLimit);
    }

    public ScaleConfig withVirtualCounts(List<Long> c) {
        return new ScaleConfig(kinds, threadCounts, c, processCounts, threadStackBytes, caps, timeLimit);
    }

    public ScaleConfig withProcessCounts(List<Long> c) {
        return new ScaleConfig(kinds, threadCounts, virtualCounts, c, threadStackBytes, caps, timeLimit);
    }

    public ScaleConfig withThreadStackBytes(long bytes) {
        return new ScaleConfig(kinds, threadCounts, virtualCounts, processCounts, bytes, caps, timeLimit);
    }

    /** Caps raised towards {@code wanted}, never past this machine's hard caps. */
    public ScaleConfig withCapsRaisedTo(Caps wanted) {
        Limits limits = Limits.read();
        return new ScaleConfig(kinds, threadCounts, virtualCounts, processCounts, threadStackBytes,
                limits.defaultCaps().raisedTo(wanted, limits.hardCaps()), timeLimit);
    }

    public ScaleConfig withTimeLimit(Duration limit) {
        return new ScaleConfig(kinds, threadCounts, virtualCounts, processCounts, threadStackBytes, caps, limit);
    }
}
