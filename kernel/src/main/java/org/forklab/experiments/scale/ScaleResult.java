package org.forklab.experiments.scale;

import org.forklab.experiments.core.Settings;
import org.forklab.stats.Unit;
import org.forklab.experiments.core.Caps;
import org.forklab.experiments.core.Environment;
import org.forklab.experiments.core.Limits;
import org.forklab.experiments.core.Measured;
import org.forklab.experiments.core.Samples;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

/**
 * Memory and creation time against count for each kind measured, the machine's limits, the
 * kinds that could not run here with the reason (one line each), and the slab sizes of the
 * kernel's per-task objects read during the run.
 */
public record ScaleResult(Environment environment, ScaleConfig config, Limits limits, List<ScaleKind> kinds,
                          Map<String, String> skipped, KernelObjects kernelObjects) implements Measured {

    public ScaleResult {
        kinds = List.copyOf(kinds);
        skipped = Map.copyOf(skipped);
    }

    /** A result whose slab sizes are read now (they do not change while the machine runs). */
    public ScaleResult(Environment environment, ScaleConfig config, Limits limits, List<ScaleKind> kinds,
                       Map<String, String> skipped) {
        this(environment, config, limits, kinds, skipped, KernelObjects.read());
    }

    @Override
    public String experiment() {
        return "scale";
    }

    @Override
    public Settings settings() {
        Settings.Builder m = Settings.builder();
        m.put(ScaleSetting.KINDS, String.join(" ", config.kinds()));
        m.put(ScaleSetting.THREAD_COUNTS, join(config.threadCounts()));
        m.put(ScaleSetting.VIRTUAL_COUNTS, join(config.virtualCounts()));
        m.put(ScaleSetting.PROCESS_COUNTS, join(config.processCounts()));
        m.put(ScaleSetting.THREAD_STACK, config.threadStackBytes() == 0 ? "JVM default (-Xss)" : config.threadStackBytes() + " bytes");
        Caps c = config.caps();
        m.put(ScaleSetting.CAPS, "threads " + c.maxThreads() + ", processes " + c.maxProcesses() + ", virtual threads "
                + c.maxVirtualThreads());
        m.put(ScaleSetting.LIMITS, "threads-max " + limits.threadsMax() + ", pid_max " + limits.pidMax() + ", cgroup pids.max "
                + text(limits.cgroupPidsMax()) + ", cgroup memory.max " + text(limits.cgroupMemoryMax())
                + ", RLIMIT_NPROC " + text(limits.rlimitNproc()));
        kinds.forEach(k -> m.put(ScaleSetting.mechanism(k.kind()), k.mechanism()));
        skipped.forEach((k, why) -> m.put(ScaleSetting.skipped(k), why));
        m.put(ScaleSetting.kernelObjects(kernelObjects.source()), kernelObjects.bytes().toString());
        return m.build();
    }

    private static String join(List<Long> counts) {
        return counts.stream().map(String::valueOf).collect(Collectors.joining(" "));
    }

    private static String text(java.util.OptionalLong v) {
        return v.isPresent() ? String.valueOf(v.getAsLong()) : "none";
    }

    /** Per kind: creation time per entity, RSS per entity, one value per count. */
    @Override
    public List<Samples> samples() {
        List<Samples> all = new ArrayList<>();
        for (ScaleKind k : kinds) {
            all.add(Samples.of(k.kind() + " creation per entity", Unit.NANOSECONDS,
                    k.points().stream().mapToDouble(p -> (double) p.creationNanos() / p.count()).toArray()));
            all.add(Samples.of(k.kind() + " RSS per entity", Unit.BYTES,
                    k.points().stream().mapToDouble(p -> (double) p.rssBytes() / p.count()).toArray()));
        }
        return all;
    }

    /** Quantities against count for every kind: RSS, PSS, VmSize, PageTables, KernelStack, heap, creation time, and stack virtual/resident for platform threads. */
    public List<Series> series() {
        List<Series> all = new ArrayList<>();
        for (ScaleKind k : kinds) {
            all.add(series(k, "RSS", Unit.BYTES, ScalePoint::rssBytes));
            all.add(series(k, "PSS", Unit.BYTES, ScalePoint::pssBytes));
            all.add(series(k, "VmSize", Unit.BYTES, ScalePoint::vmSizeBytes));
            all.add(series(k, "PageTables", Unit.BYTES, ScalePoint::pageTablesBytes));
            all.add(series(k, "KernelStack", Unit.BYTES, ScalePoint::kernelStackBytes));
            all.add(series(k, "heap", Unit.BYTES, ScalePoint::heapBytes));
            all.add(series(k, "creation time", Unit.NANOSECONDS, ScalePoint::creationNanos));
            if (k.kind().equals(ScaleConfig.PLATFORM)) {
                all.add(series(k, "stack virtual", Unit.BYTES, ScalePoint::stackVirtualBytes));
                all.add(series(k, "stack resident", Unit.BYTES, ScalePoint::stackResidentBytes));
            }
        }
        return all;
    }

    /** The series of one kind and quantity, e.g. ("processes", "PSS"). */
    public Series series(String kind, String quantity) {
        return series().stream().filter(s -> s.kind().equals(kind) && s.quantity().equals(quantity)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(kind + " " + quantity + " was not measured"));
    }

    private static Series series(ScaleKind k, String quantity, Unit unit, ToLongFunction<ScalePoint> y) {
        return new Series(k.kind(), quantity, unit, k.points().stream().mapToDouble(ScalePoint::count).toArray(),
                k.points().stream().mapToDouble(p -> y.applyAsLong(p)).toArray());
    }
}
