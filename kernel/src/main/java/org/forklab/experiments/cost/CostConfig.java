package org.forklab.experiments.cost;

import org.forklab.experiments.core.TimeLimit;
import org.forklab.experiments.core.BadParameterException;
import org.forklab.experiments.core.Caps;
import org.forklab.experiments.core.Check;

import java.io.File;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * What the creation-cost experiment measures and how hard it samples.
 *
 * @param variants          the mechanisms to time, in this order
 * @param samples           warm samples per mechanism
 * @param coldOps           first operations timed one by one and kept apart
 * @param warmupOps         operations run and discarded first
 * @param executorThreads   worker threads of the executor variants
 * @param throughputBatch   tasks submitted per sample of the throughput variant
 * @param execPath          the program the exec variants start (an absolute path, run without a shell)
 * @param forkTouchBytes    fork-after-touching-memory sweep: bytes the parent writes before forking (empty: no sweep)
 * @param forkPages         page kinds for the sweep
 * @param launchMechanisms  JDK launch mechanisms to compare in child JVMs (POSIX_SPAWN, FORK, VFORK; empty: none)
 * @param placement         scheduler (nothing pinned) or one-cpu (native and Java variants on the first allowed CPU)
 * @param forks             fresh child JVMs for the Java variants, each with its own warm-up, cold operations and
 *                          samples (0: measure in this JVM; one-cpu measures in at least one, since this JVM is not pinned)
 * @param timeLimit         the whole run stops past this
 * @param caps              safety caps (memory for the sweep, threads for the executor)
 */
public record CostConfig(List<CostVariant> variants, int samples, int coldOps, int warmupOps, int executorThreads,
                         int throughputBatch, String execPath, List<Long> forkTouchBytes, List<PageKind> forkPages,
                         List<String> launchMechanisms, CostPlacement placement, int forks, Duration timeLimit,
                         Caps caps) {

    public static final long MB = 1L << 20;
    /** Five sizes, so the slope per GiB has points to spare; as the %spawn default it drops what does not fit. */
    public static final String DEFAULT_SWEEP = "0,128m,256m,512m,1g";
    /** The option a magic offers to raise the memory cap, named in refusals. */
    public static final String RAISE_MEMORY = "--max-memory";
    public static final String RAISE_THREADS = "--max-threads";
    public static final List<String> MECHANISMS = List.of("POSIX_SPAWN", "FORK", "VFORK");
    /** Enough child JVMs to see run-to-run spread; each costs a JVM start (~0.5 s) and its own warm-up. */
    public static final int MAX_FORKS = 10;
    // The accepted ranges, written once: the config checks them and %spawn's options declare them.
    public static final int MAX_SAMPLES = org.forklab.experiments.core.SamplingPlan.MAX_SAMPLES;
    public static final int MAX_COLD_OPS = 1_000;
    public static final int MAX_WARMUP_OPS = 1_000_000;
    /** Far above any useful pool on a teaching machine; the thread cap refuses most of it anyway. */
    public static final int MAX_EXECUTOR_THREADS = 10_000;
    public static final int MAX_THROUGHPUT_BATCH = 1_000_000;
    /** The sweep's largest size; the machine's available memory refuses most of it anyway. */
    public static final long MAX_FORK_TOUCH_BYTES = 64L << 30;

    public CostConfig {
        variants = List.copyOf(variants);
        forkTouchBytes = List.copyOf(forkTouchBytes);
        forkPages = List.copyOf(forkPages);
        launchMechanisms = launchMechanisms.stream().map(m -> m.toUpperCase(Locale.ROOT)).toList();
        Check.range("samples", samples, 1, MAX_SAMPLES);
        Check.range("cold operations", coldOps, 0, MAX_COLD_OPS);
        Check.range("warm-up operations", warmupOps, 0, MAX_WARMUP_OPS);
        Check.range("executor threads", executorThreads, 1, MAX_EXECUTOR_THREADS);
        caps.checkThreads(executorThreads, RAISE_THREADS);
        Check.range("throughput batch", throughputBatch, 1, MAX_THROUGHPUT_BATCH);
        TimeLimit.check(timeLimit);
        if (!execPath.startsWith("/") || !new File(execPath).canExecute() || new File(execPath).isDirectory()) {
            throw new BadParameterException("exec path '" + execPath
                    + "' is not an executable file given by its absolute path; try /bin/true");
        }
        long available = availableMemory();
        for (long bytes : forkTouchBytes) {
            Check.range("fork memory (bytes)", bytes, 0, MAX_FORK_TOUCH_BYTES);
            caps.checkMemory(bytes, RAISE_MEMORY);
            if (available > 0 && bytes > available) {
                throw new BadParameterException("fork memory = " + bytes / MB + " MiB is more than this machine's"
                        + " available memory (MemAvailable " + available / MB + " MiB): accepted 0 to " + available / MB
                        + " MiB; try " + String.join(",", sweepThatFits(defaultSweepBytes()).stream()
                        .map(b -> b == 0 ? "0" : b / MB + "m").toList()));
            }
        }
        if (!forkTouchBytes.isEmpty() && forkPages.isEmpty()) {
            throw new BadParameterException("fork memory sweep without page kinds: accepted small, huge; try small,huge");
        }
        for (String m : launchMechanisms) {
            Check.oneOf("launch mechanism", m, MECHANISMS);
        }
        if (placement == null) {
            throw new BadParameterException("placement is missing: accepted " + String.join(", ", CostPlacement.words()));
        }
        Check.range("forks", forks, 0, MAX_FORKS);
    }

    /** {@link #DEFAULT_SWEEP} in bytes. */
    public static List<Long> defaultSweepBytes() {
        return List.of(0L, 128 * MB, 256 * MB, 512 * MB, 1024 * MB);
    }

    /** The sizes that fit in half of MemAvailable (touching more could push the machine into swap or the OOM killer). */
    public static List<Long> sweepThatFits(List<Long> sizes) {
        long available = availableMemory();
        return available <= 0 ? sizes : sizes.stream().filter(b -> b <= available / 2).toList();
    }

    /** MemAvailable from /proc/meminfo in bytes, or -1 when unreadable. */
    static long availableMemory() {
        return org.forklab.experiments.core.SystemFiles.field("/proc/meminfo", "MemAvailable")
                .map(v -> v.replace("kB", "").trim()).map(v -> {
                    try {
                        return Long.parseLong(v) * 1024;
                    } catch (NumberFormatException e) {
                        return -1L;
                    }
                }).orElse(-1L);
    }

    /** Child JVMs the Java variants run in: one-cpu needs at least one, because this JVM stays unpinned. */
    public int javaForks() {
        return placement == CostPlacement.ONE_CPU ? Math.max(1, forks) : forks;
    }

    /** Every variant, a small sweep (0 and 64 MB, both page kinds): a few seconds on a laptop. */
    public static CostConfig defaults() {
        return new CostConfig(List.of(CostVariant.values()), 30, 3, 20, 1, 1_000, "/bin/true",
                List.of(0L, 64 * MB), List.of(PageKind.SMALL, PageKind.HUGE), List.of(), CostPlacement.SCHEDULER, 0, Duration.ofSeconds(120),
                Caps.defaults());
    }

    public CostConfig withVariants(List<CostVariant> v) {
        return new CostConfig(v, samples, coldOps, warmupOps, executorThreads, throughputBatch, execPath,
                forkTouchBytes, forkPages, launchMechanisms, placement, forks, timeLimit, caps);
    }

    public CostConfig withSamples(int n) {
        return new CostConfig(variants, n, coldOps, warmupOps, executorThreads, throughputBatch, execPath,
                forkTouchBytes, forkPages, launchMechanisms, placement, forks, timeLimit, caps);
    }

    public CostConfig withColdOps(int n) {
        return new CostConfig(variants, samples, n, warmupOps, executorThreads, throughputBatch, execPath,
                forkTouchBytes, forkPages, launchMechanisms, placement, forks, timeLimit, caps);
    }

    public CostConfig withWarmupOps(int n) {
        return new CostConfig(variants, samples, coldOps, n, executorThreads, throughputBatch, execPath,
                forkTouchBytes, forkPages, launchMechanisms, placement, forks, timeLimit, caps);
    }

    public CostConfig withExecutorThreads(int n) {
        return new CostConfig(variants, samples, coldOps, warmupOps, n, throughputBatch, execPath,
                forkTouchBytes, forkPages, launchMechanisms, placement, forks, timeLimit, caps);
    }

    public CostConfig withThroughputBatch(int n) {
        return new CostConfig(variants, samples, coldOps, warmupOps, executorThreads, n, execPath,
                forkTouchBytes, forkPages, launchMechanisms, placement, forks, timeLimit, caps);
    }

    public CostConfig withExecPath(String path) {
        return new CostConfig(variants, samples, coldOps, warmupOps, executorThreads, throughputBatch, path,
                forkTouchBytes, forkPages, launchMechanisms, placement, forks, timeLimit, caps);
    }

    /** The sweep, e.g. List.of(0L, 64 * MB, 256 * MB, 1024 * MB); empty for none. */
    public CostConfig withForkTouchBytes(List<Long> bytes) {
        return new CostConfig(variants, samples, coldOps, warmupOps, executorThreads, throughputBatch, execPath,
                bytes, forkPages, launchMechanisms, placement, forks, timeLimit, caps);
    }

    public CostConfig withForkPages(List<PageKind> pages) {
        return new CostConfig(variants, samples, coldOps, warmupOps, executorThreads, throughputBatch, execPath,
                forkTouchBytes, pages, launchMechanisms, placement, forks, timeLimit, caps);
    }

    public CostConfig withLaunchMechanisms(List<String> mechanisms) {
        return new CostConfig(variants, samples, coldOps, warmupOps, executorThreads, throughputBatch, execPath,
                forkTouchBytes, forkPages, mechanisms, placement, forks, timeLimit, caps);
    }

    public CostConfig withPlacement(CostPlacement p) {
        return new CostConfig(variants, samples, coldOps, warmupOps, executorThreads, throughputBatch, execPath,
                forkTouchBytes, forkPages, launchMechanisms, p, forks, timeLimit, caps);
    }

    /** 0 to measure the Java variants in this JVM, 1 to {@value #MAX_FORKS} for that many fresh child JVMs. */
    public CostConfig withForks(int n) {
        return new CostConfig(variants, samples, coldOps, warmupOps, executorThreads, throughputBatch, execPath,
                forkTouchBytes, forkPages, launchMechanisms, placement, n, timeLimit, caps);
    }

    public CostConfig withTimeLimit(Duration limit) {
        return new CostConfig(variants, samples, coldOps, warmupOps, executorThreads, throughputBatch, execPath,
                forkTouchBytes, forkPages, launchMechanisms, placement, forks, limit, caps);
    }

    public CostConfig withCaps(Caps c) {
        return new CostConfig(variants, samples, coldOps, warmupOps, executorThreads, throughputBatch, execPath,
                forkTouchBytes, forkPages, launchMechanisms, placement, forks, timeLimit, c);
    }
}
