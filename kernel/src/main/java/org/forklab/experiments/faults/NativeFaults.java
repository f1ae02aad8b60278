package org.forklab.experiments.faults;

import com.google.gson.JsonObject;
import org.forklab.experiments.core.Signal;
import org.forklab.experiments.nativeprobe.NativeProbe;
import org.forklab.experiments.nativeprobe.ProbeRun;
import org.forklab.experiments.sandbox.SandboxLimits;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Native faults (segfault, abort, C stack overflow), injected by the native probe
 * ({@code forklab-probe fault}, probe_fault.c). The probe is the sandbox: in threads mode it is
 * the process that dies, in processes mode its forked children are.
 */
final class NativeFaults {
    private NativeFaults() {
    }

    static boolean available() {
        return NativeProbe.bundled().availability().isEmpty();
    }

    static String unavailableReason() {
        return NativeProbe.bundled().availability().orElse("");
    }

    static FaultOutcome run(FaultKind kind, FaultMode mode, FaultConfig config, SandboxLimits limits)
            throws IOException, InterruptedException {
        String word = switch (kind) {
            case SEGFAULT -> "segfault";
            case ABORT -> "abort";
            case NATIVE_STACK_OVERFLOW -> "stack-overflow";
            default -> throw new IllegalArgumentException(kind.word() + " is not a native fault");
        };
        int w = config.workers();
        ProbeRun run = NativeProbe.bundled().run(List.of("fault", "kind=" + word, "mode=" + mode.word(),
                "workers=" + w, "faulty=" + config.faultyWorker(), "work-ms=" + config.work().toMillis()),
                limits.timeLimit());
        ProcessEnd probe = FaultExperiment.end("native probe", run.child());
        List<WorkerEnd> ends = new ArrayList<>();
        if (mode == FaultMode.THREADS) {
            String processEnd = "its process " + probe.describe();
            for (int i = 0; i < w; i++) {
                boolean faulty = i == config.faultyWorker();
                ends.add(workerDone(run, i) ? new WorkerEnd(i, faulty, WorkerEnd.Fate.COMPLETED, "")
                        : new WorkerEnd(i, faulty, faulty ? WorkerEnd.Fate.DIED : WorkerEnd.Fate.LOST, processEnd));
            }
            return new FaultOutcome(kind, mode, "native probe, " + w + " pthreads", config.faultyWorker(), ends,
                    List.of(new ProcessEnd("container of " + w + " threads", probe.exitCode(), probe.signal(),
                            probe.timedOut())), 0);
        }
        if (!run.succeeded()) {
            run.requireSuccess();
        }
        List<ProcessEnd> processes = new ArrayList<>();
        for (int i = 0; i < w; i++) {
            JsonObject line = processLine(run, i);
            int signal = line.get("signal").getAsInt();
            int exit = line.get("exit").getAsInt();
            // the same convention as the JDK's exit values: 128 + N for a death by signal N
            ProcessEnd end = new ProcessEnd("worker " + i, signal > 0 ? 128 + signal : exit,
                    signal > 0 ? Optional.of(Signal.of(signal)) : Optional.empty(), false);
            processes.add(end);
            boolean faulty = i == config.faultyWorker();
            ends.add(workerDone(run, i) && end.cleanExit() ? new WorkerEnd(i, faulty, WorkerEnd.Fate.COMPLETED, "")
                    : new WorkerEnd(i, faulty, WorkerEnd.Fate.DIED, end.describe()));
        }
        return new FaultOutcome(kind, mode, "native probe, " + w + " forked children", config.faultyWorker(), ends,
                processes, 0);
    }

    private static boolean workerDone(ProbeRun run, int worker) {
        return run.ofType("worker").stream().anyMatch(l -> l.get("worker").getAsInt() == worker
                && l.get("event").getAsString().equals("done"));
    }

    private static JsonObject processLine(ProbeRun run, int worker) {
        return run.ofType("process").stream().filter(l -> l.get("worker").getAsInt() == worker).findFirst()
                .orElseThrow(() -> new IllegalStateException("the native probe did not report worker " + worker));
    }
}
