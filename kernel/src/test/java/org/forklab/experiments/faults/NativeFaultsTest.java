package org.forklab.experiments.faults;

import org.forklab.experiments.core.ProcessTree;
import org.forklab.experiments.nativeprobe.NativeProbe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

class NativeFaultsTest {
    private static final FaultConfig NATIVE = FaultConfig.defaults(FaultExperimentTest.ROOMY).withWorkers(3)
            .withFaultyWorker(2).withKinds(FaultKind.SEGFAULT, FaultKind.ABORT, FaultKind.NATIVE_STACK_OVERFLOW);

    @AfterEach
    void nothingLeftBehind() {
        assertEquals(List.of(), ProcessTree.descendants());
        assertEquals(List.of(), ProcessTree.zombieChildren());
    }

    @Test
    void aNativeCrashEndsEveryThreadButOnlyItsOwnProcess() throws Exception {
        FaultResult r = FaultExperiment.run(NATIVE);
        Optional<String> why = NativeProbe.bundled().availability();
        if (why.isPresent()) {
            assertEquals(List.of(), r.outcomes());
            assertEquals(6, r.skipped().size());
            assertEquals(why.get(), r.skipped().get("segfault/threads"));
            return;
        }
        assertEquals(6, r.outcomes().size(), r.skipped().toString());
        for (FaultKind kind : NATIVE.kinds()) {
            String signal = kind == FaultKind.ABORT ? "SIGABRT" : "SIGSEGV";

            FaultOutcome threads = r.outcome(kind, FaultMode.THREADS).orElseThrow();
            assertEquals(0, threads.survivors(), threads.toString());
            assertEquals(signal, threads.containerOrFaultyProcess().signal().orElseThrow().name(), threads.toString());
            assertEquals(BlastRadius.ALL_WORKERS, threads.blastRadius());
            assertEquals(List.of(WorkerEnd.Fate.LOST, WorkerEnd.Fate.LOST, WorkerEnd.Fate.DIED),
                    threads.workers().stream().map(WorkerEnd::fate).toList());

            FaultOutcome processes = r.outcome(kind, FaultMode.PROCESSES).orElseThrow();
            assertEquals(2, processes.survivors(), processes.toString());
            assertEquals(signal, processes.containerOrFaultyProcess().signal().orElseThrow().name());
            assertTrue(processes.processes().get(0).cleanExit() && processes.processes().get(1).cleanExit());
            assertEquals(BlastRadius.ONE_WORKER, processes.blastRadius());
        }
    }
}
