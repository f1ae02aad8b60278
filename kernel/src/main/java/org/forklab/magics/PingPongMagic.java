package org.forklab.magics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.forklab.experiments.core.Samples;
import org.forklab.experiments.switching.Placement;
import org.forklab.experiments.switching.SwitchConfig;
import org.forklab.experiments.switching.SwitchExperiment;
import org.forklab.experiments.switching.SwitchMode;
import org.forklab.experiments.switching.SwitchResult;
import org.forklab.magics.io.Bench;
import org.forklab.magics.io.Bundle;
import org.forklab.magics.claims.ClaimOutcome;
import org.forklab.magics.parse.Choices;
import org.forklab.magics.parse.ChecksConfiguration;
import org.forklab.magics.parse.HelpOption;
import org.forklab.magics.parse.LineMagic;
import org.forklab.magics.parse.Range;
import org.forklab.magics.parse.ResultOptions;
import org.forklab.magics.parse.RunTimeout;
import org.forklab.magics.view.ExperimentRun;
import org.forklab.magics.view.ExperimentView;
import org.forklab.stats.RoundComparison;
import org.forklab.stats.format.ComparisonText;
import org.forklab.stats.format.Units;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** %pingpong: a one-byte ping-pong between two threads or two processes; per handoff = round trip / 2. */
@Command(name = "pingpong", description = "Measure context switches with a one-byte ping-pong: threads vs processes, pinned or not.",
        showDefaultValues = true, sortOptions = false)
public final class PingPongMagic implements LineMagic, ChecksConfiguration {
    @Mixin
    HelpOption help;

    @Option(names = {"-m", "--modes"}, paramLabel = "LIST", split = ",", defaultValue = "all",
            completionCandidates = Choices.SwitchModes.class,
            description = "What carries the byte, or all: ${COMPLETION-CANDIDATES}.")
    List<String> modes;

    @Option(names = {"-p", "--placements"}, paramLabel = "LIST", split = ",", defaultValue = "all",
            completionCandidates = Choices.Placements.class,
            description = "Where the two sides run, or all: ${COMPLETION-CANDIDATES}.")
    List<String> placements;

    @Option(names = "--runs", paramLabel = "N", description = "Rounds: each runs a fresh pair of every mode and placement once.")
    @Range(min = 1, max = SwitchConfig.MAX_RUNS)
    int runs = 6;

    @Option(names = {"-n", "--samples"}, paramLabel = "N", description = "Warm samples per run.")
    @Range(min = 1, max = SwitchConfig.MAX_SAMPLES)
    int samples = 50;

    @Option(names = "--warmup", paramLabel = "N", description = "Round trips discarded at the start of each run.")
    @Range(min = 0, max = SwitchConfig.MAX_WARMUP)
    int warmup = 200;

    @Option(names = "--cold", paramLabel = "N", description = "First round trips timed one by one and shown apart.")
    @Range(min = 0, max = SwitchConfig.MAX_COLD)
    int cold = 3;

    @Option(names = "--batch", paramLabel = "N", description = "Round trips per sample; 0 picks so a sample lasts at least 20 µs.")
    @Range(min = 0, max = SwitchConfig.MAX_BATCH)
    int batch;

    @Mixin
    RunTimeout timeout;

    @Mixin
    ResultOptions result;

    @Override
    public void checkConfiguration() {
        config();
    }

    SwitchConfig config() {
        List<SwitchMode> m = modes.contains("all") ? List.of(SwitchMode.values())
                : modes.stream().map(SwitchMode::parse).distinct().toList();
        List<Placement> p = placements.contains("all") ? List.of(Placement.values())
                : placements.stream().map(Placement::parse).distinct().toList();
        return new SwitchConfig(m, p, runs, samples, warmup, cold, batch, timeout.limit());
    }

    @Override
    public void run(Bench bench) throws Exception {
        SwitchConfig config = config();
        ExperimentRun.run(bench, "%pingpong", progress -> SwitchExperiment.run(config, progress), PingPongMagic::view, result);
    }

    /** Per switch (round trip / 2) per mode and placement, runs pooled in the table and told apart in notes. */
    public static Bundle view(SwitchResult r) {
        List<Samples> pooled = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (SwitchMode mode : SwitchMode.values()) {
            for (Placement placement : Placement.values()) {
                List<SwitchResult.Run> runs = r.runsOf(mode, placement);
                if (runs.isEmpty()) {
                    continue;
                }
                pooled.add(pool(mode.label() + ", " + placement.word() + ", per handoff", runs));
                notes.addAll(SwitchEstimateNotes.of(mode.label() + ", " + placement.word(), runs, pooled));
                double[] medians = runs.stream().mapToDouble(SwitchResult.Run::medianPerSwitchNs).toArray();
                double lo = Arrays.stream(medians).min().orElse(0);
                double hi = Arrays.stream(medians).max().orElse(0);
                if (runs.size() > 1 && lo > 0 && hi > 1.5 * lo) {
                    List<String> seen = runs.stream().map(run -> run.initiatorCpu() + "/" + run.partnerCpu()).toList();
                    String why = seen.stream().distinct().count() > 1
                            ? "the pair landed on different CPUs from run to run"
                            : "the CPUs were the same in every run, so other load on the machine"
                            + (MachineFacts.hypervisor() ? " or the hypervisor" : "") + " differed between runs";
                    notes.add(String.format(Locale.ROOT, "%s, %s: run medians differ %.1f× (%s); CPUs seen per run %s: %s",
                            mode.label(), placement.word(), hi / lo,
                            Arrays.stream(medians).mapToObj(Units::duration).collect(Collectors.joining(", ")),
                            String.join(", ", seen), why));
                }
            }
        }
        for (Placement placement : Placement.values()) {
            List<SwitchResult.Run> threads = r.runsOf(SwitchMode.THREAD_PIPE, placement);
            List<SwitchResult.Run> processes = r.runsOf(SwitchMode.PROCESS_PIPE, placement);
            if (!threads.isEmpty() && !processes.isEmpty()) {
                notes.add(placement.word() + ": " + ComparisonText.roundsLine("threads", "processes",
                        RoundComparison.of(r.rounds(SwitchMode.THREAD_PIPE, placement),
                                r.rounds(SwitchMode.PROCESS_PIPE, placement))));
            }
        }
        r.skipped().forEach(s -> notes.add("not measured: " + s.mode().label() + ", " + s.placement().word()
                + " (" + s.reason() + ")"));
        // what a round trip is, so that "per handoff" is not read as the cost of a context switch alone
        notes.add("each round trip is two hand-offs, each a write, a wake-up, a switch and a read; rows show half a"
                + " round trip. On two CPUs both CPUs still switch: each goes to its idle task while its side waits"
                + " and back when woken");
        return ExperimentView.of("One-byte ping-pong round trips, shown per handoff (round trip / 2)", "half a round trip", pooled,
                ClaimOutcome.forResult(r, r.environment()), notes, r.environment());
    }

    private static Samples pool(String label, List<SwitchResult.Run> runs) {
        List<Samples> halves = runs.stream().map(SwitchResult.Run::perSwitch).toList();
        double[] values = halves.stream().flatMapToDouble(s -> Arrays.stream(s.values())).toArray();
        double[] cold = halves.stream().flatMapToDouble(s -> Arrays.stream(s.cold())).toArray();
        return new Samples(label, halves.get(0).unit(), values, cold, halves.get(0).opsPerSample());
    }
}
