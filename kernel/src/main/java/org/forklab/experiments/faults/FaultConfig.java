package org.forklab.experiments.faults;

import org.forklab.experiments.core.TimeLimit;
import org.forklab.experiments.core.BadParameterException;
import org.forklab.experiments.core.Caps;
import org.forklab.experiments.core.Check;
import org.forklab.experiments.sandbox.SandboxLimits;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Which faults to inject, and how.
 *
 * @param workers      W, the size of the group (threads in one process, or processes)
 * @param faultyWorker which worker fails (0 to W - 1)
 * @param kinds        the faults, each run in every mode
 * @param modes        threads, processes, or both
 * @param work         how long each healthy worker works (sleeps, as if serving a request)
 * @param caps         safety caps on threads, processes and memory
 * @param sandbox      heap and time limit of each sandbox child; the out-of-memory fault fills
 *                     this heap and no more
 * @param timeLimit    the whole run stops, with everything it started, past this
 */
public record FaultConfig(int workers, int faultyWorker, List<FaultKind> kinds, List<FaultMode> modes, Duration work,
                          Caps caps, SandboxLimits sandbox, Duration timeLimit) {

    /** Workers are capped low: each process-mode worker is a whole JVM. */
    public static final int MAX_WORKERS = 16;
    /** A fault needs a worker to fail and one to watch whether it goes down too. */
    public static final int MIN_WORKERS = 2;
    public static final double MIN_WORK_SECONDS = 0.01;
    public static final double MAX_WORK_SECONDS = 60;

    public FaultConfig {
        kinds = List.copyOf(kinds);
        modes = List.copyOf(modes);
        Check.range("workers", workers, MIN_WORKERS, MAX_WORKERS);
        Check.range("faulty worker", faultyWorker, 0, workers - 1);
        TimeLimit.check(timeLimit);
        Check.range("work (s)", work.toNanos() / 1e9, MIN_WORK_SECONDS, MAX_WORK_SECONDS, "s");
        if (kinds.isEmpty()) {
            throw new BadParameterException("no fault kind chosen: accepted " + String.join(", ", FaultKind.words()));
        }
        if (modes.isEmpty()) {
            throw new BadParameterException("no fault mode chosen: accepted " + String.join(", ", FaultMode.words()));
        }
        caps.checkThreads(workers, "--max-threads");
        if (modes.contains(FaultMode.PROCESSES)) {
            caps.checkProcesses(workers, "--max-processes");
            sandbox.checkMemoryFor(workers, caps, "--max-memory");
        } else {
            sandbox.checkMemoryFor(1, caps, "--max-memory");
        }
    }

    /** Three workers, worker 0 faulty, every kind in both modes, 50 ms of work each, 64 MiB heaps. */
    public static FaultConfig defaults() {
        return defaults(Caps.defaults());
    }

    public static FaultConfig defaults(Caps caps) {
        return new FaultConfig(3, 0, Arrays.asList(FaultKind.values()), Arrays.asList(FaultMode.values()),
                Duration.ofMillis(50), caps,
                SandboxLimits.defaults().withTimeLimit(Duration.ofSeconds(20)), Duration.ofSeconds(180));
    }

    public FaultConfig withWorkers(int w) {
        return new FaultConfig(w, Math.min(faultyWorker, Math.max(0, w - 1)), kinds, modes, work, caps, sandbox, timeLimit);
    }

    public FaultConfig withFaultyWorker(int f) {
        return new FaultConfig(workers, f, kinds, modes, work, caps, sandbox, timeLimit);
    }

    public FaultConfig withKinds(FaultKind... k) {
        return new FaultConfig(workers, faultyWorker, Arrays.asList(k), modes, work, caps, sandbox, timeLimit);
    }

    public FaultConfig withKinds(List<FaultKind> k) {
        return new FaultConfig(workers, faultyWorker, k, modes, work, caps, sandbox, timeLimit);
    }

    public FaultConfig withModes(FaultMode... m) {
        return new FaultConfig(workers, faultyWorker, kinds, Arrays.asList(m), work, caps, sandbox, timeLimit);
    }

    public FaultConfig withModes(List<FaultMode> m) {
        return new FaultConfig(workers, faultyWorker, kinds, m, work, caps, sandbox, timeLimit);
    }

    public FaultConfig withWork(Duration w) {
        return new FaultConfig(workers, faultyWorker, kinds, modes, w, caps, sandbox, timeLimit);
    }

    public FaultConfig withCaps(Caps c) {
        return new FaultConfig(workers, faultyWorker, kinds, modes, work, c, sandbox, timeLimit);
    }

    public FaultConfig withSandbox(SandboxLimits s) {
        return new FaultConfig(workers, faultyWorker, kinds, modes, work, caps, s, timeLimit);
    }

    public FaultConfig withTimeLimit(Duration limit) {
        return new FaultConfig(workers, faultyWorker, kinds, modes, work, caps, sandbox, limit);
    }
}
