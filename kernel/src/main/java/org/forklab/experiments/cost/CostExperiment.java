package org.forklab.experiments.cost;

import org.forklab.stats.Unit;
import com.google.gson.JsonObject;
import org.forklab.experiments.core.ProgressListener;
import org.forklab.experiments.core.BadParameterException;
import org.forklab.experiments.core.Cpus;
import org.forklab.experiments.core.Deadline;
import org.forklab.experiments.core.Environment;
import org.forklab.experiments.core.ExperimentTimeoutException;
import org.forklab.experiments.core.Programs;
import org.forklab.experiments.core.Sampler;
import org.forklab.experiments.core.Samples;
import org.forklab.experiments.core.Settings;
import org.forklab.experiments.core.SamplesJson;
import org.forklab.experiments.core.SamplingPlan;
import org.forklab.experiments.core.TimedOperation;
import org.forklab.experiments.core.VirtualThreads;
import org.forklab.experiments.cost.CostResult.ForkPoint;
import org.forklab.experiments.cost.CostResult.LaunchRun;
import org.forklab.experiments.cost.CostResult.Skipped;
import org.forklab.experiments.cost.CostResult.VariantSamples;
import org.forklab.experiments.nativeprobe.NativeProbe;
import org.forklab.experiments.nativeprobe.ProbeFailedException;
import org.forklab.experiments.nativeprobe.ProbeRun;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Creation cost (lesson §4): what it takes to start a unit of work and see it finish, for Java's
 * own mechanisms and, through the native probe, for the system calls underneath them.
 * Every operation is measured whole (start and join/reap), cold first operations apart.
 */
public final class CostExperiment {
    private static final Duration MIN_SAMPLE = Duration.ofNanos(20_000);

    private CostExperiment() {
    }

    public static CostResult run(CostConfig config) throws IOException, InterruptedException {
        return run(config, NativeProbe.bundled());
    }

    /**
     * The run, announcing each group as a phase: the Java variants of this JVM (interleaved in
     * rounds), those in child JVMs, the native ones (interleaved by the probe), the fork sweep and
     * the launch mechanisms.
     */
    public static CostResult run(CostConfig config, ProgressListener progress) throws IOException, InterruptedException {
        return run(config, NativeProbe.bundled(), Programs.onPath("taskset"), progress);
    }

    /** With a given probe (tests point it at a missing binary to check the skipped path). */
    public static CostResult run(CostConfig config, NativeProbe probe) throws IOException, InterruptedException {
        return run(config, probe, Programs.onPath("taskset"));
    }

    /**
     * With a given probe and taskset (tests pass none to check the skipped path without changing
     * the PATH of the JVM that runs them).
     */
    public static CostResult run(CostConfig config, NativeProbe probe, Optional<Path> taskset)
            throws IOException, InterruptedException {
        return run(config, probe, taskset, ProgressListener.NONE);
    }

    static CostResult run(CostConfig config, NativeProbe probe, Optional<Path> taskset, ProgressListener progress)
            throws IOException, InterruptedException {
        Deadline deadline = Deadline.after(config.timeLimit());
        Environment env = Environment.current();
        OptionalInt pin = pinnedCpu(config, env);
        Optional<String> jvmUnpinnable = pin.isPresent() && taskset.isEmpty()
                ? Optional.of(ChildJvms.NO_TASKSET) : Optional.empty();
        List<String> jvmPrefix = jvmUnpinnable.isPresent() ? List.of() : ChildJvms.pinPrefix(taskset, pin);
        List<VariantSamples> variants = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        Optional<String> probeMissing = probe.availability();

        List<CostVariant> nativeOnes = new ArrayList<>();
        List<CostVariant> forkedOnes = new ArrayList<>();
        List<CostVariant> hereOnes = new ArrayList<>();
        for (CostVariant v : config.variants()) {
            deadline.check();
            if (v.isNative()) {
                nativeOnes.add(v);
            } else if (v == CostVariant.VIRTUAL_THREAD && !VirtualThreads.available()) {
                skipped.add(new Skipped(label(v, config), VirtualThreads.unavailableReason()));
            } else if (jvmUnpinnable.isPresent()) {
                skipped.add(new Skipped(label(v, config), jvmUnpinnable.get()));
            } else if (config.javaForks() > 0) {
                forkedOnes.add(v);
            } else {
                hereOnes.add(v);
            }
        }
        List<String> phases = phases(config, hereOnes, forkedOnes, nativeOnes);
        int done = 0;
        if (!hereOnes.isEmpty()) {
            progress.phase(phases.get(done), done++, phases.size());
            List<Samples> measured = measureHereInRounds(hereOnes, config, deadline);
            int cpu = Cpus.current();
            for (int i = 0; i < hereOnes.size(); i++) {
                variants.add(new VariantSamples(hereOnes.get(i), measured.get(i), cpu));
            }
        }
        if (!forkedOnes.isEmpty()) {
            progress.phase(phases.get(done), done++, phases.size());
            variants.addAll(ChildJvms.measure(forkedOnes, config, jvmPrefix, pin, deadline));
        }
        if (!nativeOnes.isEmpty()) {
            progress.phase(phases.get(done), done++, phases.size());
            if (probeMissing.isPresent()) {
                nativeOnes.forEach(v -> skipped.add(new Skipped(label(v, config), probeMissing.get())));
            } else {
                variants.addAll(measureNative(probe, nativeOnes, config, pin, deadline));
            }
        }
        if (!config.forkTouchBytes().isEmpty()) {
            progress.phase(phases.get(done), done++, phases.size());
        }
        List<ForkPoint> sweep = forkSweep(probe, probeMissing, config, env, pin, deadline, skipped);
        List<LaunchRun> launches = new ArrayList<>();
        if (!config.launchMechanisms().isEmpty()) {
            progress.phase(phases.get(done), done, phases.size());
        }
        for (String mechanism : config.launchMechanisms()) {
            deadline.check();
            launches.add(jvmUnpinnable.isPresent()
                    ? new LaunchRun(mechanism, Optional.empty(), Optional.empty(), jvmUnpinnable)
                    : ChildJvms.launchMechanism(mechanism, config, jvmPrefix, deadline));
        }
        // Java variants first, then native ones, each group in the configured order.
        variants.sort((a, b) -> Integer.compare(config.variants().indexOf(a.variant()), config.variants().indexOf(b.variant())));
        return new CostResult(env, settings(config, env, probe, probeMissing, pin, jvmPrefix), variants, sweep, launches,
                skipped);
    }

    /** The names of the phases {@link #run} announces, in the order it runs them. */
    private static List<String> phases(CostConfig c, List<CostVariant> here, List<CostVariant> forked,
                                       List<CostVariant> natives) {
        List<String> names = new ArrayList<>();
        if (!here.isEmpty()) {
            names.add(words(here) + (here.size() > 1 ? ", interleaved" : ""));
        }
        if (!forked.isEmpty()) {
            names.add(words(forked) + " in " + c.javaForks() + " child JVM" + (c.javaForks() == 1 ? "" : "s"));
        }
        if (!natives.isEmpty()) {
            names.add(words(natives) + (natives.size() > 1 ? ", interleaved" : ""));
        }
        if (!c.forkTouchBytes().isEmpty()) {
            names.add("fork after touching memory");
        }
        if (!c.launchMechanisms().isEmpty()) {
            names.add("JDK launch mechanisms");
        }
        return names;
    }

    private static String words(List<CostVariant> variants) {
        return String.join(", ", variants.stream().map(CostVariant::word).toList());
    }

    /** The first CPU this process may use under one-cpu placement; empty when the scheduler places everything. */
    private static OptionalInt pinnedCpu(CostConfig c, Environment env) {
        if (c.placement() != CostPlacement.ONE_CPU) {
            return OptionalInt.empty();
        }
        List<Integer> allowed = Cpus.parseList(env.cpuAffinity());
        if (allowed.isEmpty()) {
            throw new BadParameterException("placement one-cpu needs the CPUs this process may use, and "
                    + "/proc/self/status does not say (Cpus_allowed_list '" + env.cpuAffinity() + "'); use placement scheduler");
        }
        return OptionalInt.of(allowed.get(0));
    }

    static String label(CostVariant v, CostConfig c) {
        return switch (v) {
            case EXECUTOR_LATENCY -> v.label() + " (" + c.executorThreads() + " worker" + (c.executorThreads() == 1 ? ")" : "s)");
            case EXECUTOR_THROUGHPUT -> v.label() + " (" + c.executorThreads() + " worker" + (c.executorThreads() == 1 ? "" : "s")
                    + ", " + c.throughputBatch() + " tasks per sample)";
            default -> v.execs() ? v.label() + " " + c.execPath() : v.label();
        };
    }

    private static SamplingPlan plan(CostVariant v, CostConfig c, Deadline deadline) {
        int batch = v == CostVariant.EXECUTOR_THROUGHPUT ? c.throughputBatch() : 0;
        return new SamplingPlan(c.coldOps(), c.warmupOps(), c.samples(), batch, MIN_SAMPLE,
                Duration.ofNanos(Math.max(1, deadline.remainingNanos())));
    }

    /** One Java variant in this JVM, within what is left of the deadline (also what a child JVM runs). */
    static Samples measureHere(CostVariant v, CostConfig c, Deadline deadline) throws IOException, InterruptedException {
        String label = label(v, c);
        try {
            return operation(v, c).sample(label, plan(v, c, deadline));
        } catch (IOException | InterruptedException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(label + " failed: " + e, e);
        }
    }

    /**
     * Java variants in this JVM with their samples interleaved in rounds (see Sampler.measureRounds);
     * their executors live for the whole interleaved run and are stopped on every path.
     */
    static List<Samples> measureHereInRounds(List<CostVariant> vs, CostConfig c, Deadline deadline)
            throws IOException, InterruptedException {
        if (vs.size() == 1) {
            return List.of(measureHere(vs.get(0), c, deadline));
        }
        List<ExecutorService> pools = new ArrayList<>();
        try {
            List<TimedOperation> ops = new ArrayList<>();
            for (CostVariant v : vs) {
                ops.add(switch (v) {
                    case EXECUTOR_LATENCY -> latency(pool(c.executorThreads(), pools));
                    case EXECUTOR_THROUGHPUT -> throughput(pool(c.executorThreads(), pools));
                    default -> plainOperation(v, c);
                });
            }
            // a plan each: the throughput variant's batch is its own (tasks per sample), the rest choose theirs
            return Sampler.measureRounds(vs.stream().map(v -> label(v, c)).toList(),
                    vs.stream().map(v -> plan(v, c, deadline)).toList(), ops);
        } catch (IOException | InterruptedException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("the interleaved Java variants failed: " + e, e);
        } finally {
            for (ExecutorService p : pools) {
                p.shutdownNow();
                if (!p.awaitTermination(5, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the executor's threads did not stop within 5 s");
                }
            }
        }
    }

    private static ExecutorService pool(int threads, List<ExecutorService> opened) {
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "forklab-cost-pool-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        opened.add(pool);
        return pool;
    }

    private static TimedOperation latency(ExecutorService pool) {
        return times -> {
            for (int i = 0; i < times; i++) {
                pool.submit(CostExperiment::nothing).get();
            }
        };
    }

    /** The variants that hold no resource between samples. */
    private static TimedOperation plainOperation(CostVariant v, CostConfig c) {
        return switch (v) {
            case PLATFORM_THREAD -> times -> {
                for (int i = 0; i < times; i++) {
                    Thread t = new Thread(CostExperiment::nothing, "forklab-cost");
                    t.start();
                    t.join();
                }
            };
            case VIRTUAL_THREAD -> times -> {
                for (int i = 0; i < times; i++) {
                    VirtualThreads.start(CostExperiment::nothing).join();
                }
            };
            case PROCESS_BUILDER -> JavaLaunch.processBuilder(c.execPath());
            default -> throw new IllegalArgumentException(v + " holds a resource or is native");
        };
    }

    /** A measurement that owns its resources (an executor) for the length of the sampling. */
    @FunctionalInterface
    private interface Operation {
        Samples sample(String label, SamplingPlan plan) throws Exception;
    }

    private static Operation operation(CostVariant v, CostConfig c) {
        return switch (v) {
            case PLATFORM_THREAD -> (label, plan) -> Sampler.measure(label, plan, times -> {
                for (int i = 0; i < times; i++) {
                    Thread t = new Thread(CostExperiment::nothing, "forklab-cost");
                    t.start();
                    t.join();
                }
            });
            case VIRTUAL_THREAD -> (label, plan) -> Sampler.measure(label, plan, times -> {
                for (int i = 0; i < times; i++) {
                    VirtualThreads.start(CostExperiment::nothing).join();
                }
            });
            case EXECUTOR_LATENCY -> (label, plan) -> withExecutor(c.executorThreads(), pool -> Sampler.measure(label, plan,
                    times -> {
                        for (int i = 0; i < times; i++) {
                            pool.submit(CostExperiment::nothing).get();
                        }
                    }));
            case EXECUTOR_THROUGHPUT -> (label, plan) -> withExecutor(c.executorThreads(), pool -> Sampler.measure(label, plan,
                    throughput(pool)));
            case PROCESS_BUILDER -> (label, plan) -> Sampler.measure(label, plan, JavaLaunch.processBuilder(c.execPath()));
            default -> throw new IllegalArgumentException(v + " is native");
        };
    }

    /** Submits all tasks of a sample, then waits for every one: the amortised cost per task. */
    private static TimedOperation throughput(ExecutorService pool) {
        return times -> {
            List<Future<?>> futures = new ArrayList<>(times);
            for (int i = 0; i < times; i++) {
                futures.add(pool.submit(CostExperiment::nothing));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        };
    }

    @FunctionalInterface
    private interface WithPool {
        Samples run(ExecutorService pool) throws Exception;
    }

    /** The pool lives only for one measurement and is stopped and joined on every path. */
    private static Samples withExecutor(int threads, WithPool body) throws Exception {
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "forklab-cost-pool-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            return body.run(pool);
        } finally {
            pool.shutdownNow();
            if (!pool.awaitTermination(5, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the executor's threads did not stop within 5 s");
            }
        }
    }

    private static void nothing() {
        // the work is the start and the join themselves
    }

    private static List<VariantSamples> measureNative(NativeProbe probe, List<CostVariant> ops, CostConfig c,
                                                      OptionalInt pin, Deadline deadline)
            throws IOException, InterruptedException {
        String names = ops.stream().map(CostVariant::probeOp).collect(Collectors.joining(","));
        ProbeRun run = runProbe(probe, deadline, c, pin, "ops=" + names, "exec=" + c.execPath());
        List<VariantSamples> out = new ArrayList<>();
        for (JsonObject line : run.ofType("samples")) {
            String op = line.get("op").getAsString();
            CostVariant v = ops.stream().filter(x -> x.probeOp().equals(op)).findFirst()
                    .orElseThrow(() -> new ProbeFailedException("the probe measured an op not asked for: " + op));
            int cpu = line.get("cpu").getAsInt();
            if (pin.isPresent() && cpu != pin.getAsInt()) {
                throw new ProbeFailedException("the probe was asked to pin itself to CPU " + pin.getAsInt()
                        + " but measured " + op + " on CPU " + cpu);
            }
            out.add(new VariantSamples(v, SamplesJson.read(line, label(v, c)), cpu));
        }
        return out;
    }

    private static ProbeRun runProbe(NativeProbe probe, Deadline deadline, CostConfig c, OptionalInt pin,
                                     String... extra) throws IOException, InterruptedException {
        deadline.check();
        long remainingMs = Math.max(1, deadline.remainingNanos() / 1_000_000);
        List<String> args = new ArrayList<>(List.of("spawn", "samples=" + c.samples(), "cold=" + c.coldOps(),
                "warmup=" + c.warmupOps(), "limit-ms=" + remainingMs));
        args.addAll(List.of(extra));
        // The probe pins itself before it measures; what it creates inherits the pin.
        pin.ifPresent(cpu -> args.add("cpu=" + cpu));
        // The probe stops itself at limit-ms with a clear line; the extra second is for it to say so.
        ProbeRun run = probe.run(args, Duration.ofMillis(remainingMs + 1_000));
        deadline.check();
        if (!run.succeeded() && deadline.remainingNanos() < 200_000_000L) {
            // The probe stopped at its own copy of our limit a moment before ours ran out.
            throw new ExperimentTimeoutException(deadline.limit());
        }
        return run.requireSuccess();
    }

    private static List<ForkPoint> forkSweep(NativeProbe probe, Optional<String> probeMissing, CostConfig c,
                                             Environment env, OptionalInt pin, Deadline deadline, List<Skipped> skipped)
            throws IOException, InterruptedException {
        List<ForkPoint> points = new ArrayList<>();
        if (c.forkTouchBytes().isEmpty()) {
            return points;
        }
        if (probeMissing.isPresent()) {
            skipped.add(new Skipped("fork after touching memory", probeMissing.get()));
            return points;
        }
        boolean thp = !env.transparentHugePages().equals("never") && !env.transparentHugePages().equals("unavailable");
        if (c.forkPages().contains(PageKind.HUGE) && !thp) {
            skipped.add(new Skipped("fork after touching memory (" + PageKind.HUGE.description() + ")",
                    "transparent huge pages are '" + env.transparentHugePages()
                            + "' here (/sys/kernel/mm/transparent_hugepage/enabled), so only 4 KB pages are measured"));
        }
        for (long bytes : c.forkTouchBytes()) {
            // With nothing touched the page kind makes no difference: one baseline point, not two.
            List<PageKind> kinds = bytes == 0 ? List.of(PageKind.SMALL) : c.forkPages();
            for (PageKind pages : kinds) {
                if (pages == PageKind.HUGE && !thp) {
                    continue;
                }
                // One op: the probe times the fork() call inside the same forks it times whole
                // ("part_values"), so the call can never exceed the whole operation it is part of,
                // as it once did when the two were measured one after the other (15 ms against 2 ms).
                ProbeRun run = runProbe(probe, deadline, c, pin, "ops=fork", "touch=" + bytes, "pages=" + pages.word());
                List<JsonObject> lines = run.ofType("samples");
                if (lines.size() != 1 || !lines.get(0).has("part_values")) {
                    throw new ProbeFailedException("the probe printed " + lines.size() + " samples lines for fork,"
                            + " or no fork() call times within them");
                }
                JsonObject line = lines.get(0);
                String what = bytes == 0 ? "no memory" : size(bytes) + " (" + pages.description() + ")";
                Samples whole = SamplesJson.read(line, "fork+_exit+waitpid after touching " + what);
                Samples call = new Samples("fork() call alone after touching " + what, Unit.NANOSECONDS,
                        ProbeRunParts.values(line), new double[0], whole.opsPerSample());
                points.add(new ForkPoint(bytes, pages, line.get("anon_huge_bytes").getAsLong(), whole, call));
            }
        }
        return points;
    }

    static String size(long bytes) {
        return bytes % CostConfig.MB == 0 ? bytes / CostConfig.MB + " MB" : bytes + " bytes";
    }

    private static Settings settings(CostConfig c, Environment env, NativeProbe probe, Optional<String> missing,
                                     OptionalInt pin, List<String> jvmPrefix) {
        Settings.Builder s = Settings.builder();
        s.put(CostSetting.VARIANTS, c.variants().stream().map(CostVariant::word).collect(Collectors.joining(",")));
        s.put(CostSetting.SAMPLES, String.valueOf(c.samples()));
        s.put(CostSetting.COLD_OPERATIONS, String.valueOf(c.coldOps()));
        s.put(CostSetting.WARMUP_OPERATIONS, String.valueOf(c.warmupOps()));
        s.put(CostSetting.EXECUTOR_THREADS, String.valueOf(c.executorThreads()));
        s.put(CostSetting.THROUGHPUT_BATCH, String.valueOf(c.throughputBatch()));
        s.put(CostSetting.EXEC, c.execPath());
        s.put(CostSetting.LAUNCH_MECHANISM, env.launchMechanism());
        s.put(CostSetting.COMPARED_LAUNCH_MECHANISMS, c.launchMechanisms().isEmpty() ? "none" : String.join(",", c.launchMechanisms()));
        s.put(CostSetting.FORK_MEMORY, c.forkTouchBytes().stream().map(String::valueOf).collect(Collectors.joining(",")));
        s.put(CostSetting.FORK_PAGES, c.forkPages().stream().map(PageKind::word).collect(Collectors.joining(",")));
        s.put(CostSetting.TRANSPARENT_HUGE_PAGES, env.transparentHugePages());
        s.put(CostSetting.PLACEMENT, pin.isPresent() ? c.placement().word() + ", CPU " + pin.getAsInt()
                : c.placement().word() + ", nothing pinned, CPUs " + env.cpuAffinity());
        s.put(CostSetting.PINNED_CPU, pin.isPresent() ? String.valueOf(pin.getAsInt()) : "none");
        s.put(CostSetting.FORKS, String.valueOf(c.forks()));
        int n = c.javaForks();
        s.put(CostSetting.JAVA_VENUE, n == 0 ? "this JVM" : (n == 1 ? "1 fresh child JVM" : n + " fresh child JVMs")
                + (jvmPrefix.isEmpty() ? "" : (n == 1 ? ", started as " : ", each started as ")
                + String.join(" ", jvmPrefix) + " java ..."));
        s.put(CostSetting.NATIVE_PROBE, missing.orElseGet(() -> probe.executable().toString()));
        s.put(CostSetting.TIME_LIMIT, String.valueOf(c.timeLimit().toSeconds()));
        return s.build();
    }
}
