package org.forklab.experiments.faults;

import org.forklab.experiments.core.ProgressListener;
import org.forklab.experiments.core.ChildResult;
import org.forklab.experiments.core.ChildSpec;
import org.forklab.experiments.core.Deadline;
import org.forklab.experiments.core.Environment;
import org.forklab.experiments.core.ExperimentTimeoutException;
import org.forklab.experiments.sandbox.Sandbox;
import org.forklab.experiments.sandbox.SandboxLimits;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs each fault kind of a {@link FaultConfig} in each mode, every run inside a sandbox child. */
public final class FaultExperiment {
    private FaultExperiment() {
    }

    public static FaultResult run(FaultConfig config) throws IOException, InterruptedException {
        return run(config, ProgressListener.NONE);
    }

    /** The run, announcing each kind of fault in each mode as a phase. */
    public static FaultResult run(FaultConfig config, ProgressListener progress) throws IOException, InterruptedException {
        Deadline deadline = Deadline.after(config.timeLimit());
        List<FaultOutcome> outcomes = new ArrayList<>();
        Map<String, String> skipped = new LinkedHashMap<>();
        int phases = config.kinds().size() * config.modes().size();
        int done = 0;
        for (FaultKind kind : config.kinds()) {
            for (FaultMode mode : config.modes()) {
                deadline.check();
                progress.phase(kind.word() + " as " + mode.word(), done++, phases);
                if (kind.isNative()) {
                    if (NativeFaults.available()) {
                        outcomes.add(NativeFaults.run(kind, mode, config, limits(config, deadline)));
                        if (deadline.expired()) {
                            throw new ExperimentTimeoutException(config.timeLimit());
                        }
                    } else {
                        skipped.put(kind.word() + "/" + mode.word(), NativeFaults.unavailableReason());
                    }
                } else if (mode == FaultMode.THREADS) {
                    outcomes.add(javaThreads(kind, config, deadline));
                } else {
                    outcomes.add(javaProcesses(kind, config, deadline));
                }
            }
        }
        if (deadline.expired()) {
            throw new ExperimentTimeoutException(config.timeLimit());
        }
        return new FaultResult(config, Environment.current(), outcomes, skipped);
    }

    /** W threads in one child JVM; the faulty one runs first and the rest only after it ended. */
    private static FaultOutcome javaThreads(FaultKind kind, FaultConfig config, Deadline deadline)
            throws IOException, InterruptedException {
        int w = config.workers();
        ChildSpec spec = Sandbox.spec(FaultChildMain.class, List.of("threads", kind.word(), Integer.toString(w),
                Integer.toString(config.faultyWorker()), Long.toString(config.work().toMillis())), limits(config, deadline), List.of());
        ChildResult container = Sandbox.runAll(List.of(spec)).get(0);
        Lines lines = Lines.of(container);
        List<WorkerEnd> ends = new ArrayList<>();
        String processEnd = "its process " + end("", container).describe();
        for (int i = 0; i < w; i++) {
            WorkerEnd fate = lines.fate(i, i == config.faultyWorker(), processEnd);
            // the faulty worker took the process down itself (exit, crash): it died, it was not a bystander
            if (fate.faulty() && fate.fate() == WorkerEnd.Fate.LOST) {
                fate = new WorkerEnd(i, true, WorkerEnd.Fate.DIED, processEnd);
            }
            ends.add(fate);
        }
        return new FaultOutcome(kind, FaultMode.THREADS, "child JVM, " + w + " threads", config.faultyWorker(),
                ends, List.of(end("container of " + w + " threads", container)), lines.wrongDecisions());
    }

    /** W child JVMs, each one worker on its main thread; one of them has the fault. */
    private static FaultOutcome javaProcesses(FaultKind kind, FaultConfig config, Deadline deadline)
            throws IOException, InterruptedException {
        int w = config.workers();
        List<ChildSpec> specs = new ArrayList<>();
        for (int i = 0; i < w; i++) {
            specs.add(Sandbox.spec(FaultChildMain.class, List.of("process", kind.word(), Integer.toString(i),
                    Boolean.toString(i == config.faultyWorker()), Long.toString(config.work().toMillis())), limits(config, deadline), List.of()));
        }
        List<ChildResult> children = Sandbox.runAll(specs);
        List<WorkerEnd> ends = new ArrayList<>();
        List<ProcessEnd> processes = new ArrayList<>();
        int wrong = 0;
        for (int i = 0; i < w; i++) {
            ChildResult child = children.get(i);
            Lines lines = Lines.of(child);
            ProcessEnd end = end("worker " + i, child);
            processes.add(end);
            WorkerEnd fate = lines.fate(i, i == config.faultyWorker(), end.describe());
            // a worker whose own process ended it died of its own fault, it was not a bystander
            if (fate.fate() == WorkerEnd.Fate.LOST) {
                fate = new WorkerEnd(i, fate.faulty(), WorkerEnd.Fate.DIED, end.describe());
            }
            ends.add(fate);
            wrong += lines.wrongDecisions();
        }
        return new FaultOutcome(kind, FaultMode.PROCESSES, w + " child JVMs, one worker each", config.faultyWorker(),
                ends, processes, wrong);
    }

    static ProcessEnd end(String role, ChildResult r) {
        return new ProcessEnd(role, r.exitCode(), r.signal(), r.timedOut());
    }

    static SandboxLimits limits(FaultConfig config, Deadline deadline) {
        long remaining = Math.max(100, deadline.remainingNanos() / 1_000_000);
        return config.sandbox().withTimeLimit(Duration.ofMillis(Math.min(remaining, config.sandbox().timeLimit().toMillis())));
    }

    /** The event lines one sandbox printed (see {@link FaultChildMain}). */
    record Lines(List<String[]> words) {
        static Lines of(ChildResult r) {
            return new Lines(r.stdoutLines().stream().map(l -> l.trim().split("\\s+")).toList());
        }

        WorkerEnd fate(int index, boolean faulty, String whenLost) {
            String i = Integer.toString(index);
            for (String[] w : words) {
                if (w.length >= 3 && w[0].equals("died") && w[1].equals(i)) {
                    return new WorkerEnd(index, faulty, WorkerEnd.Fate.DIED, w[2]);
                }
            }
            for (String[] w : words) {
                if (w.length == 2 && w[0].equals("done") && w[1].equals(i)) {
                    return new WorkerEnd(index, faulty, WorkerEnd.Fate.COMPLETED, "");
                }
            }
            return new WorkerEnd(index, faulty, WorkerEnd.Fate.LOST, whenLost);
        }

        int wrongDecisions() {
            return (int) words.stream().filter(w -> w.length == 3 && w[0].equals("decision") && w[2].equals("wrong")).count();
        }
    }
}
