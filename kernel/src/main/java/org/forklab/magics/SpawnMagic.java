package org.forklab.magics;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.forklab.experiments.core.BadParameterException;
import org.forklab.experiments.core.Caps;
import org.forklab.experiments.core.Limits;
import org.forklab.experiments.core.Samples;
import org.forklab.experiments.cost.CostConfig;
import org.forklab.experiments.cost.CostExperiment;
import org.forklab.experiments.cost.CostPlacement;
import org.forklab.experiments.cost.CostResult;
import org.forklab.experiments.cost.CostSetting;
import org.forklab.experiments.cost.CostVariant;
import org.forklab.experiments.cost.PageKind;
import org.forklab.magics.io.Bench;
import org.forklab.magics.claims.ClaimOutcome;
import org.forklab.magics.parse.Choices;
import org.forklab.magics.parse.ByteSize;
import org.forklab.magics.parse.ChecksConfiguration;
import org.forklab.magics.parse.HelpOption;
import org.forklab.magics.parse.LineMagic;
import org.forklab.magics.parse.Range;
import org.forklab.magics.parse.ResultOptions;
import org.forklab.magics.parse.RunTimeout;
import org.forklab.magics.view.ExperimentRun;
import org.forklab.magics.view.ExperimentView;
import org.forklab.stats.Unit;
import org.forklab.stats.format.RunMediansTable;
import org.forklab.stats.format.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** %spawn: what creating a thread, a task or a process costs here, next to the lesson's table. */
@Command(name = "spawn", description = "Measure the cost of creating threads, tasks and processes (Java and native).",
        showDefaultValues = true, sortOptions = false)
public final class SpawnMagic implements LineMagic, ChecksConfiguration {
    @Mixin
    HelpOption help;

    @Option(names = {"-v", "--variants"}, paramLabel = "LIST", split = ",", defaultValue = "all",
            completionCandidates = Choices.SpawnVariants.class,
            description = "Mechanisms, comma-separated, or all: ${COMPLETION-CANDIDATES}.")
    List<String> variants = new ArrayList<>();

    @Option(names = {"-n", "--samples"}, paramLabel = "N", description = "Warm samples per mechanism.")
    @Range(min = 1, max = CostConfig.MAX_SAMPLES)
    int samples = 30;

    @Option(names = "--warmup", paramLabel = "N", description = "Operations run and discarded first.")
    @Range(min = 0, max = CostConfig.MAX_WARMUP_OPS)
    int warmup = 20;

    @Option(names = "--cold", paramLabel = "N", description = "First operations timed one by one and shown apart.")
    @Range(min = 0, max = CostConfig.MAX_COLD_OPS)
    int cold = 3;

    @Option(names = "--executor-threads", paramLabel = "N", description = "Worker threads of the executor variants.")
    @Range(min = 1, max = CostConfig.MAX_EXECUTOR_THREADS)
    int executorThreads = 1;

    @Option(names = "--batch", paramLabel = "N", description = "Tasks per sample of executor-throughput.")
    @Range(min = 1, max = CostConfig.MAX_THROUGHPUT_BATCH)
    int batch = 1_000;

    @Option(names = "--exec", paramLabel = "PROGRAM", description = "Absolute path of the program the exec variants start.")
    String exec = "/bin/true";

    @Option(names = "--fork-memory", paramLabel = "SIZES", split = ",", converter = ForkMemory.class,
            defaultValue = CostConfig.DEFAULT_SWEEP, description = "Memory the parent touches before fork (1g answers"
                    + " the lesson's 1 GB row; the default drops sizes above half the available memory), or none to"
                    + " leave out the fork sweep.")
    @Range(min = 0, max = CostConfig.MAX_FORK_TOUCH_BYTES)
    List<ByteSize> forkMemory;

    /** Sizes, or the word none, which converts to null (no size; the range check passes it by). */
    static final class ForkMemory implements ITypeConverter<ByteSize> {
        static final String NONE = "none";

        @Override
        public ByteSize convert(String value) {
            return value.trim().equalsIgnoreCase(NONE) ? null : ByteSize.parse(value);
        }
    }

    @Option(names = "--pages", paramLabel = "KINDS", split = ",", defaultValue = "small,huge",
            completionCandidates = Choices.PageKinds.class,
            description = "Page kinds for the fork sweep: small (4 KB), huge (transparent huge pages).")
    List<String> pages;

    @Option(names = "--launch", paramLabel = "MECHANISMS", split = ",", defaultValue = "none",
            completionCandidates = Choices.LaunchMechanisms.class,
            description = "JDK launch mechanisms to compare in child JVMs: POSIX_SPAWN, FORK, VFORK, or none.")
    List<String> launch;

    @Option(names = "--placement", paramLabel = "WHERE", defaultValue = "scheduler",
            completionCandidates = Choices.SpawnPlacements.class,
            description = "Where to measure: scheduler (nothing pinned) or one-cpu (native and Java variants pinned to"
                    + " the first CPU allowed; Java variants in child JVMs under taskset).")
    String placement;

    @Option(names = "--forks", paramLabel = "N", description = "Fresh child JVMs for the Java variants, each with its"
            + " own warm-up and samples, kept apart; 0 measures in this JVM.")
    @Range(min = 0, max = CostConfig.MAX_FORKS)
    int forks;

    @Option(names = "--max-memory", paramLabel = "SIZE", converter = ByteSize.Converter.class,
            description = "Raise the memory safety cap (default a quarter of this machine's budget).")
    @Range(min = 1 << 20, max = 1L << 50)
    ByteSize maxMemory;

    @Mixin
    RunTimeout timeout;

    @Mixin
    ResultOptions result;

    @Override
    public void checkConfiguration() {
        config();
    }

    /** The experiment's configuration from the options; refusals are one line. */
    CostConfig config() {
        List<CostVariant> chosen = variants.isEmpty() || variants.contains("all")
                ? List.of(CostVariant.values()) : variants.stream().map(CostVariant::parse).distinct().toList();
        List<PageKind> kinds = pages.stream().map(PageKind::parse).distinct().toList();
        List<String> mechanisms = launch.contains("none") ? List.of() : launch;
        List<Long> touch = forkMemory.stream().filter(Objects::nonNull).map(ByteSize::bytes).toList();
        if (touch.equals(CostConfig.defaultSweepBytes())) {
            touch = CostConfig.sweepThatFits(touch);
        }
        if (forkMemory.contains(null) && !touch.isEmpty()) {
            throw new BadParameterException("--fork-memory none leaves out the fork sweep, so it takes no sizes besides;"
                    + " give sizes, e.g. 0,64m, or none alone");
        }
        Caps caps = Caps.defaults();
        if (maxMemory != null) {
            Limits limits = Limits.read();
            caps = caps.raisedTo(new Caps(0, 0, 0, maxMemory.bytes()), limits.hardCaps());
        }
        return CostConfig.defaults().withVariants(chosen).withSamples(samples).withWarmupOps(warmup).withColdOps(cold)
                .withExecutorThreads(executorThreads).withThroughputBatch(batch).withExecPath(exec)
                .withForkTouchBytes(touch).withForkPages(kinds)
                .withLaunchMechanisms(mechanisms).withPlacement(CostPlacement.parse(placement)).withForks(forks)
                .withCaps(caps).withTimeLimit(timeout.limit());
    }

    @Override
    public void run(Bench bench) throws Exception {
        CostConfig config = config();
        ExperimentRun.run(bench, "%spawn", progress -> CostExperiment.run(config, progress), SpawnMagic::view, result);
    }

    /**
     * The bundle for a cost result: every condition's samples (Java variants from child JVMs pooled
     * in one row each, with every JVM's median in a table below), its claims, skipped lines.
     */
    public static org.forklab.magics.io.Bundle view(CostResult r) {
        List<String> notes = new ArrayList<>();
        r.skipped().forEach(s -> notes.add("not measured: " + s.label() + " (" + s.reason() + ")"));
        r.launchMechanisms().forEach(l -> {
            l.warning().ifPresent(w -> notes.add(l.mechanism() + ": the JDK warned: " + w));
            l.unavailable().ifPresent(u -> notes.add(l.mechanism() + " not available: " + u));
        });
        r.forkSweep().stream().filter(p -> p.pages() == PageKind.HUGE && p.anonHugeBytes() >= 0).forEach(p ->
                notes.add("fork after touching " + ByteSize.format(p.touchBytes()) + " asked for huge pages; "
                        + ByteSize.format(p.anonHugeBytes()) + " of it really sat on them (AnonHugePages)"));
        notes.addAll(ForkSweepSlopes.notes(r.forkSweep()));
        List<Samples> rows = new ArrayList<>();
        r.variants().forEach(v -> rows.add(v.samples()));
        r.forkSweep().forEach(p -> {
            rows.add(p.samples());
            rows.add(p.forkCall());
        });
        r.launchMechanisms().forEach(l -> l.samples().ifPresent(rows::add));
        List<RunMediansTable.Row> perJvm = r.variants().stream().filter(v -> !v.forks().isEmpty())
                .map(v -> new RunMediansTable.Row(v.variant().label(), v.forkMedians(), v.forks().stream()
                        .map(f -> "pid " + f.pid() + " CPU " + f.cpu()).collect(Collectors.joining(", "))))
                .toList();
        List<Table> more = new ArrayList<>();
        if (!perJvm.isEmpty()) {
            more.add(RunMediansTable.of("Each child JVM's median (the rows above pool the JVMs' samples)", perJvm,
                    Unit.NANOSECONDS, "child JVMs (pid, CPU at the end)"));
            boolean pooled = perJvm.get(0).medians().length > 1;
            notes.add("Java variants ran in " + CostSetting.JAVA_VENUE.in(r) + "; placement "
                    + CostSetting.PLACEMENT.in(r) + (pooled ? ". Their rows pool every JVM's samples; the table of"
                    + " medians per JVM shows how far the JVMs differed." : "."));
        } else {
            // Placement moves the native figures (a new thread woken on an idle CPU or queued on its
            // creator's), so every display says where they ran.
            notes.add("placement: " + CostSetting.PLACEMENT.in(r));
        }
        org.forklab.magics.io.Bundle bundle = ExperimentView.of("Creating work: threads, tasks and processes",
                "time per operation", rows, more, ClaimOutcome.forResult(r, r.environment()), notes, r.environment());
        return org.forklab.magics.view.ForkSweepChart.withSweep(bundle, r);
    }
}
