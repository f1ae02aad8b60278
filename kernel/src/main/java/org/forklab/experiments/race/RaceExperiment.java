package org.forklab.experiments.race;

import org.forklab.stats.Unit;
import org.forklab.experiments.core.ProgressListener;
import org.forklab.experiments.core.ChildResult;
import org.forklab.experiments.core.ChildSpec;
import org.forklab.experiments.core.Deadline;
import org.forklab.experiments.core.Environment;
import org.forklab.experiments.core.ExperimentTimeoutException;
import org.forklab.experiments.core.Samples;
import org.forklab.experiments.sandbox.Sandbox;
import org.forklab.experiments.sandbox.SandboxLimits;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/** Runs the shared-counter race for each variant of a {@link RaceConfig}. */
public final class RaceExperiment {
    private RaceExperiment() {
    }

    /** One trial as any side reports it: the count, the slowest loop, the overlap, and per-process counts. */
    record Trial(long counted, long slowestLoopNanos, long overlapNanos, long[] processCounts) {
    }

    public static RaceResult run(RaceConfig config) throws IOException, InterruptedException {
        return run(config, ProgressListener.NONE);
    }

    /** The run, announcing each variant as a phase. */
    public static RaceResult run(RaceConfig config, ProgressListener progress) throws IOException, InterruptedException {
        Deadline deadline = Deadline.after(config.timeLimit());
        List<RaceOutcome> outcomes = new ArrayList<>();
        Map<RaceVariant, String> skipped = new LinkedHashMap<>();
        for (RaceVariant variant : config.variants()) {
            deadline.check();
            progress.phase(variant.word() + " × " + config.trials() + " trials", config.variants().indexOf(variant),
                    config.variants().size());
            switch (variant.where()) {
                case IN_PROCESS -> outcomes.add(outcome(variant, config, inProcess(variant, config, deadline), null));
                case CHILD_JVM -> outcomes.add(outcome(variant, config, interpreted(config, deadline), null));
                case CHILD_JVMS -> {
                    RaceChildMain.counter = 0;
                    List<Trial> trials = childJvms(config, deadline);
                    // The parent never touched its copy: whatever the children did, it is what it was.
                    outcomes.add(outcome(variant, config, trials, RaceChildMain.counter));
                }
                case NATIVE -> {
                    if (NativeRace.available()) {
                        NativeRace.Run run = NativeRace.run(variant, config, deadline);
                        outcomes.add(outcome(variant, config, run.trials(), run.parentCounter()));
                    } else {
                        skipped.put(variant, NativeRace.unavailableReason());
                    }
                }
            }
        }
        return new RaceResult(config, Environment.current(), outcomes, skipped);
    }

    private static List<Trial> inProcess(RaceVariant variant, RaceConfig config, Deadline deadline)
            throws InterruptedException {
        List<Trial> trials = new ArrayList<>();
        for (int t = 0; t < config.trials(); t++) {
            deadline.check();
            ThreadTrial.Outcome o = ThreadTrial.run(variant, config.workers(), config.increments(), deadline);
            trials.add(new Trial(o.finalCount(), o.slowestLoopNanos(), o.overlapNanos(), new long[0]));
        }
        return trials;
    }

    /** W threads in one child JVM that runs without the JIT. */
    private static List<Trial> interpreted(RaceConfig config, Deadline deadline) throws IOException, InterruptedException {
        ChildSpec spec = Sandbox.spec(RaceChildMain.class, List.of("threads", RaceVariant.PLAIN.word(),
                Integer.toString(config.workers()), Long.toString(config.increments()),
                Integer.toString(config.trials())), limits(config, deadline), List.of("-Xint"));
        ChildResult child = checked(Sandbox.runAll(List.of(spec)).get(0), config);
        String vm = child.stdoutLines().stream().filter(l -> l.startsWith("vm ")).findFirst().orElse("vm unknown");
        if (!vm.contains("interpreted")) {
            throw new IllegalStateException("the -Xint child JVM did not run interpreted: " + vm.substring(3));
        }
        List<Map<String, Long>> rows = trialRows(child, config.trials());
        return rows.stream().map(r -> new Trial(r.get("count"), r.get("loopns"), r.get("overlapns"), new long[0])).toList();
    }

    /** W child JVMs, each incrementing its own copy of {@link RaceChildMain#counter}, all trials in a row. */
    private static List<Trial> childJvms(RaceConfig config, Deadline deadline) throws IOException, InterruptedException {
        List<ChildSpec> specs = new ArrayList<>();
        for (int w = 0; w < config.workers(); w++) {
            specs.add(Sandbox.spec(RaceChildMain.class, List.of("process", Long.toString(config.increments()),
                    Integer.toString(config.trials())), limits(config, deadline), List.of()));
        }
        List<List<Map<String, Long>>> perChild = new ArrayList<>();
        for (ChildResult child : Sandbox.runAll(specs)) {
            perChild.add(trialRows(checked(child, config), config.trials()));
        }
        List<Trial> trials = new ArrayList<>();
        for (int t = 0; t < config.trials(); t++) {
            long[] counts = new long[config.workers()];
            long[] starts = new long[config.workers()];
            long[] ends = new long[config.workers()];
            for (int w = 0; w < config.workers(); w++) {
                Map<String, Long> row = perChild.get(w).get(t);
                counts[w] = row.get("count");
                starts[w] = row.get("start");
                ends[w] = row.get("end");
            }
            trials.add(new Trial(Arrays.stream(counts).sum(), ThreadTrial.slowest(starts, ends),
                    ThreadTrial.overlap(starts, ends), counts));
        }
        return trials;
    }

    static RaceOutcome outcome(RaceVariant variant, RaceConfig config, List<Trial> trials, Long parentCounter) {
        long[] counted = trials.stream().mapToLong(Trial::counted).toArray();
        long[] overlap = trials.stream().mapToLong(Trial::overlapNanos).toArray();
        long[][] perProcess = variant.processes() ? trials.stream().map(Trial::processCounts).toArray(long[][]::new)
                : new long[0][];
        double[] ns = trials.stream().mapToDouble(t -> (double) t.slowestLoopNanos() / config.increments()).toArray();
        return new RaceOutcome(variant, config.expectedPerTrial(), counted, perProcess,
                parentCounter == null ? OptionalLong.empty() : OptionalLong.of(parentCounter), overlap,
                timing(variant, ns, config.increments()));
    }

    /** ns per increment per trial; the first trial (JIT and caches cold) is kept apart when there are several. */
    static Samples timing(RaceVariant variant, double[] nsPerIncrement, long increments) {
        String label = variant.label() + ": ns per increment";
        int ops = (int) Math.min(Integer.MAX_VALUE, increments);
        if (nsPerIncrement.length < 2) {
            return new Samples(label, Unit.NANOSECONDS, nsPerIncrement, new double[0], ops);
        }
        return new Samples(label, Unit.NANOSECONDS, Arrays.copyOfRange(nsPerIncrement, 1, nsPerIncrement.length),
                new double[] {nsPerIncrement[0]}, ops);
    }

    static SandboxLimits limits(RaceConfig config, Deadline deadline) {
        long remaining = Math.max(100, deadline.remainingNanos() / 1_000_000);
        return config.sandbox().withTimeLimit(Duration.ofMillis(Math.min(remaining, config.sandbox().timeLimit().toMillis())));
    }

    static ChildResult checked(ChildResult r, RaceConfig config) {
        if (r.timedOut()) {
            throw new ExperimentTimeoutException(config.timeLimit());
        }
        if (!r.succeeded()) {
            throw new IllegalStateException("a race child failed: " + r.describeFailure());
        }
        return r;
    }

    /** Parses "trial T key value key value ..." lines, one map per trial, in order. */
    private static List<Map<String, Long>> trialRows(ChildResult r, int trials) {
        List<Map<String, Long>> rows = new ArrayList<>();
        for (String line : r.stdoutLines()) {
            String[] w = line.trim().split("\\s+");
            if (w.length >= 2 && w.length % 2 == 0 && w[0].equals("trial")) {
                Map<String, Long> row = new HashMap<>();
                for (int i = 2; i < w.length; i += 2) {
                    row.put(w[i], Long.parseLong(w[i + 1]));
                }
                rows.add(row);
            }
        }
        if (rows.size() != trials) {
            throw new IllegalStateException("a race child reported " + rows.size() + " of " + trials + " trials");
        }
        return rows;
    }
}
