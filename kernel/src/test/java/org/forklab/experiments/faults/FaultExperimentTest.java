package org.forklab.experiments.faults;

import org.forklab.experiments.core.BadParameterException;
import org.forklab.experiments.core.Caps;
import org.forklab.experiments.core.ExperimentTimeoutException;
import org.forklab.experiments.core.ProcessTree;
import org.forklab.experiments.sandbox.SandboxLimits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class FaultExperimentTest {
    static final Caps ROOMY = new Caps(64, 16, 1_000, 4L << 30);
    private static final FaultConfig SMALL = FaultConfig.defaults(ROOMY).withWorkers(3).withFaultyWorker(1);

    @AfterEach
    void nothingLeftBehind() {
        assertEquals(List.of(), ProcessTree.descendants());
        assertEquals(List.of(), ProcessTree.zombieChildren());
    }

    private static FaultOutcome one(FaultKind kind, FaultMode mode) throws Exception {
        FaultResult r = FaultExperiment.run(SMALL.withKinds(kind).withModes(mode));
        assertEquals(1, r.outcomes().size(), r.skipped().toString());
        FaultOutcome o = r.outcome(kind, mode).orElseThrow();
        assertEquals(3, o.workers().size());
        assertTrue(o.workers().get(1).faulty());
        return o;
    }

    @Test
    void uncaughtExceptionEndsOnlyItsThreadAndTheJvmCarriesOn() throws Exception {
        FaultOutcome o = one(FaultKind.EXCEPTION, FaultMode.THREADS);
        assertEquals(2, o.survivors());
        assertEquals(WorkerEnd.Fate.DIED, o.workers().get(1).fate());
        assertEquals("java.lang.IllegalStateException", o.workers().get(1).detail());
        assertTrue(o.containerOrFaultyProcess().cleanExit(), o.containerOrFaultyProcess().describe());
        assertEquals(BlastRadius.ONE_WORKER, o.blastRadius());
    }

    @Test
    void systemExitInOneThreadEndsEveryWorker() throws Exception {
        FaultOutcome o = one(FaultKind.EXIT, FaultMode.THREADS);
        assertEquals(0, o.survivors());
        assertEquals(Faults.EXIT_STATUS, o.containerOrFaultyProcess().exitCode());
        assertEquals(List.of(WorkerEnd.Fate.LOST, WorkerEnd.Fate.DIED, WorkerEnd.Fate.LOST),
                o.workers().stream().map(WorkerEnd::fate).toList());
        assertEquals(BlastRadius.ALL_WORKERS, o.blastRadius());
    }

    @Test
    void systemExitInOneProcessEndsOnlyThatProcess() throws Exception {
        FaultOutcome o = one(FaultKind.EXIT, FaultMode.PROCESSES);
        assertEquals(2, o.survivors());
        assertEquals(List.of(0, Faults.EXIT_STATUS, 0), o.processes().stream().map(ProcessEnd::exitCode).toList());
        assertEquals(BlastRadius.ONE_WORKER, o.blastRadius());
    }

    @Test
    void stackOverflowEndsOnlyItsThread() throws Exception {
        FaultOutcome o = one(FaultKind.STACK_OVERFLOW, FaultMode.THREADS);
        assertEquals(2, o.survivors());
        assertEquals("java.lang.StackOverflowError", o.workers().get(1).detail());
        assertTrue(o.containerOrFaultyProcess().cleanExit());
    }

    @Test
    void outOfMemoryIsReportedWhateverItTook() throws Exception {
        // Which threads an OutOfMemoryError reaches is up to the JVM: assert only what must hold.
        FaultOutcome o = one(FaultKind.OUT_OF_MEMORY, FaultMode.THREADS);
        assertNotEquals(WorkerEnd.Fate.COMPLETED, o.workers().get(1).fate());
        assertTrue(o.survivors() >= 0 && o.survivors() <= 2);
        assertFalse(o.containerOrFaultyProcess().timedOut());
        FaultOutcome p = one(FaultKind.OUT_OF_MEMORY, FaultMode.PROCESSES);
        assertEquals(2, p.survivors());
        assertEquals("java.lang.OutOfMemoryError", p.workers().get(1).detail());
        assertNotEquals(0, p.processes().get(1).exitCode());
    }

    @Test
    void uncaughtExceptionInAProcessEndsThatProcessWithStatusOne() throws Exception {
        FaultOutcome o = one(FaultKind.EXCEPTION, FaultMode.PROCESSES);
        assertEquals(2, o.survivors());
        assertEquals(List.of(0, 1, 0), o.processes().stream().map(ProcessEnd::exitCode).toList());
    }

    @Test
    void corruptionMisleadsEveryThreadButNoOtherProcess() throws Exception {
        FaultOutcome threads = one(FaultKind.CORRUPTION, FaultMode.THREADS);
        assertEquals(2, threads.wrongDecisions());
        assertEquals(2, threads.survivors(), "silent: everyone completes");
        assertEquals(new HealthyEnds(0, 0, 2), threads.healthyEnds(), "completed but wrong is not survival");
        assertTrue(threads.containerOrFaultyProcess().cleanExit());
        assertEquals(BlastRadius.ALL_WORKERS, threads.blastRadius());
        FaultOutcome processes = one(FaultKind.CORRUPTION, FaultMode.PROCESSES);
        assertEquals(0, processes.wrongDecisions());
        assertEquals(BlastRadius.ONE_WORKER, processes.blastRadius());
    }

    @Test
    void refusesBadParametersInOneLine() {
        assertEquals("workers = -1 is out of range: accepted 2 to 16; try 2",
                assertThrows(BadParameterException.class, () -> SMALL.withWorkers(-1)).getMessage());
        assertEquals("faulty worker = 3 is out of range: accepted 0 to 2; try 2",
                assertThrows(BadParameterException.class, () -> SMALL.withFaultyWorker(3)).getMessage());
        assertEquals("fault kind 'meltdown' is not known: accepted segfault, abort, native-stack-overflow, exception,"
                        + " exit, out-of-memory, stack-overflow, corruption",
                assertThrows(BadParameterException.class, () -> FaultKind.fromWord("meltdown")).getMessage());
        assertEquals("fault mode 'fibers' is not known: accepted threads, processes",
                assertThrows(BadParameterException.class, () -> FaultMode.fromWord("fibers")).getMessage());
        assertEquals("no fault kind chosen: accepted segfault, abort, native-stack-overflow, exception, exit,"
                        + " out-of-memory, stack-overflow, corruption",
                assertThrows(BadParameterException.class, () -> SMALL.withKinds(List.of())).getMessage());
        assertEquals("processes = 3 is above the safety cap of 2 on this machine; lower it, or raise the cap with --max-processes",
                assertThrows(BadParameterException.class, () -> SMALL.withCaps(new Caps(64, 2, 10, 4L << 30))).getMessage());
        assertEquals("memory (bytes) = 503316480 is above the safety cap of 268435456 on this machine; lower it,"
                        + " or raise the cap with --max-memory",
                assertThrows(BadParameterException.class, () -> SMALL.withCaps(new Caps(64, 16, 10, 256L << 20))).getMessage());
        assertEquals("sandbox heap (MiB) = 8 is out of range: accepted 16 to 4096; try 16",
                assertThrows(BadParameterException.class, () -> SandboxLimits.defaults().withHeapBytes(8L << 20)).getMessage());
    }

    @Test
    void aSandboxPastItsTimeLimitIsKilledAndReportedAsSuch() throws Exception {
        FaultConfig slow = SMALL.withKinds(FaultKind.EXCEPTION).withModes(FaultMode.THREADS)
                .withWork(Duration.ofSeconds(60)).withSandbox(SandboxLimits.defaults().withTimeLimit(Duration.ofMillis(1_500)));
        FaultOutcome o = FaultExperiment.run(slow).outcome(FaultKind.EXCEPTION, FaultMode.THREADS).orElseThrow();
        assertTrue(o.containerOrFaultyProcess().timedOut(), o.containerOrFaultyProcess().describe());
        assertEquals(0, o.survivors());
        assertEquals(WorkerEnd.Fate.DIED, o.workers().get(1).fate(), "the exception was seen before the kill");
    }

    @Test
    void theWholeRunStopsAtItsTimeLimit() {
        FaultConfig slow = SMALL.withKinds(FaultKind.EXCEPTION, FaultKind.EXIT).withModes(FaultMode.PROCESSES)
                .withWork(Duration.ofSeconds(60)).withTimeLimit(Duration.ofSeconds(2));
        assertThrows(ExperimentTimeoutException.class, () -> FaultExperiment.run(slow));
    }

    @Test
    void interruptKillsTheSandboxesWithinASecond() throws Exception {
        FaultConfig slow = SMALL.withKinds(FaultKind.EXCEPTION).withModes(FaultMode.PROCESSES).withWork(Duration.ofSeconds(60));
        Throwable[] thrown = new Throwable[1];
        Thread runner = new Thread(() -> {
            try {
                FaultExperiment.run(slow);
            } catch (Throwable t) {
                thrown[0] = t;
            }
        });
        runner.start();
        Thread.sleep(1_000);
        long interruptedAt = System.nanoTime();
        runner.interrupt();
        runner.join(10_000);
        assertFalse(runner.isAlive());
        assertInstanceOf(InterruptedException.class, thrown[0]);
        assertTrue(System.nanoTime() - interruptedAt < 5_000_000_000L, "stopped long after the interrupt");
    }
}
