package org.forklab.experiments.race;

import org.forklab.experiments.core.BadParameterException;
import org.forklab.experiments.core.Caps;
import org.forklab.experiments.core.ExperimentTimeoutException;
import org.forklab.experiments.core.ProcessTree;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class RaceExperimentTest {

    // Explicit caps: the tests must not depend on how many tasks this machine has free.
    static final Caps ROOMY = new Caps(64, 16, 1_000, 4L << 30);
    private static final RaceConfig SMALL = RaceConfig.defaults(ROOMY).withWorkers(2).withIncrements(100_000).withTrials(5);

    @AfterEach
    void nothingLeftBehind() {
        assertEquals(List.of(), ProcessTree.descendants());
        assertEquals(List.of(), ProcessTree.zombieChildren());
        assertEquals(0, Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("forklab-race-") || t.getName().startsWith("forklab-sandbox-")).count());
    }

    @Test
    void fixedVariantsNeverLoseAnUpdateAndUnsynchronisedOnesNeverGainOne() throws Exception {
        RaceResult r = RaceExperiment.run(SMALL.withVariants(RaceVariant.PLAIN, RaceVariant.VOLATILE,
                RaceVariant.SYNCHRONIZED, RaceVariant.LOCK, RaceVariant.ATOMIC, RaceVariant.ADDER));
        assertEquals(6, r.outcomes().size());
        for (RaceOutcome o : r.outcomes()) {
            assertEquals(5, o.trials());
            assertEquals(200_000, o.expected());
            long[] lost = o.lostUpdates();
            long[] overlap = o.overlapNanos();
            assertEquals(5, overlap.length);
            for (int t = 0; t < 5; t++) {
                assertTrue(lost[t] >= 0 && lost[t] < o.expected(), o.toString());
                // two workers that never ran at the same time cannot lose an update
                assertTrue(overlap[t] > 0 || lost[t] == 0, o + " overlap " + Arrays.toString(overlap));
            }
            if (o.variant().neverLosesUpdates()) {
                assertArrayEquals(new long[5], o.lostUpdates(), o.toString());
            }
            assertEquals(4, o.timing().size());
            assertEquals(1, o.timing().cold().length);
            assertTrue(Arrays.stream(o.timing().values()).allMatch(v -> v > 0), o.timing().toString());
        }
        assertEquals(6, r.samples().size());
        assertEquals("race", r.experiment());
        assertEquals("2", r.settings().get(RaceSetting.WORKERS));
    }

    @Test
    void childProcessesEachCountTheirOwnCopyAndTheParentsStaysZero() throws Exception {
        RaceResult r = RaceExperiment.run(SMALL.withWorkers(3).withTrials(3).withVariants(RaceVariant.PROCESSES));
        RaceOutcome o = r.outcome(RaceVariant.PROCESSES).orElseThrow();
        assertEquals(0L, o.parentCounter().orElseThrow());
        assertEquals(3, o.processCounts().length);
        for (long[] trial : o.processCounts()) {
            assertArrayEquals(new long[] {100_000, 100_000, 100_000}, trial);
        }
        assertArrayEquals(new long[3], o.lostUpdates());
    }

    @Test
    void interpretedVariantRunsInAChildJvmAndCountsWithinBounds() throws Exception {
        RaceResult r = RaceExperiment.run(SMALL.withVariants(RaceVariant.INTERPRETED));
        RaceOutcome o = r.outcome(RaceVariant.INTERPRETED).orElseThrow();
        assertEquals(5, o.trials());
        for (long c : o.counted()) {
            assertTrue(c > 0 && c <= 200_000, o.toString());
        }
        assertTrue(o.timing().label().contains("-Xint"), o.timing().label());
    }

    @Test
    void refusesBadParametersInOneLine() {
        assertEquals("workers = 0 is out of range: accepted 1 to 256; try 1",
                assertThrows(BadParameterException.class, () -> SMALL.withWorkers(0)).getMessage());
        assertEquals("increments = -5 is out of range: accepted 1 to 100000000; try 1",
                assertThrows(BadParameterException.class, () -> SMALL.withIncrements(-5)).getMessage());
        assertEquals("trials = 0 is out of range: accepted 1 to 10000; try 1",
                assertThrows(BadParameterException.class, () -> SMALL.withTrials(0)).getMessage());
        assertEquals("race variant 'sloppy' is not known: accepted plain, volatile, interpreted, synchronized, lock,"
                        + " atomic, adder, processes, native-plain, native-volatile, native-processes",
                assertThrows(BadParameterException.class, () -> RaceVariant.fromWord("sloppy")).getMessage());
        assertEquals("no race variant chosen: accepted plain, volatile, interpreted, synchronized, lock,"
                        + " atomic, adder, processes, native-plain, native-volatile, native-processes",
                assertThrows(BadParameterException.class, () -> SMALL.withVariants(List.of())).getMessage());
        Caps tight = new Caps(4, 2, 10, 1L << 30);
        assertEquals("threads = 8 is above the safety cap of 4 on this machine; lower it, or raise the cap with --max-threads",
                assertThrows(BadParameterException.class, () -> SMALL.withCaps(tight).withWorkers(8)).getMessage());
        assertEquals("processes = 3 is above the safety cap of 2 on this machine; lower it, or raise the cap with --max-processes",
                assertThrows(BadParameterException.class,
                        () -> SMALL.withCaps(tight).withVariants(RaceVariant.PROCESSES).withWorkers(3)).getMessage());
    }

    @Test
    void timeLimitStopsTheRunAndJoinsEveryWorker() {
        RaceConfig slow = SMALL.withIncrements(100_000_000).withTrials(10_000).withVariants(RaceVariant.LOCK)
                .withTimeLimit(Duration.ofSeconds(1));
        assertThrows(ExperimentTimeoutException.class, () -> RaceExperiment.run(slow));
    }

    @Test
    void interruptStopsTheRunWithinASecond() throws Exception {
        RaceConfig slow = SMALL.withIncrements(100_000_000).withTrials(10_000).withVariants(RaceVariant.ATOMIC);
        Throwable[] thrown = new Throwable[1];
        Thread runner = new Thread(() -> {
            try {
                RaceExperiment.run(slow);
            } catch (Throwable t) {
                thrown[0] = t;
            }
        });
        runner.start();
        Thread.sleep(300);
        runner.interrupt();
        runner.join(5_000);
        assertFalse(runner.isAlive());
        assertInstanceOf(InterruptedException.class, thrown[0]);
    }

    @Test
    void interruptDuringChildJvmsKillsThemAll() throws Exception {
        RaceConfig slow = SMALL.withIncrements(100_000_000).withTrials(10_000).withWorkers(2)
                .withVariants(RaceVariant.PROCESSES);
        Throwable[] thrown = new Throwable[1];
        Thread runner = new Thread(() -> {
            try {
                RaceExperiment.run(slow);
            } catch (Throwable t) {
                thrown[0] = t;
            }
        });
        runner.start();
        Thread.sleep(500);
        runner.interrupt();
        runner.join(10_000);
        assertFalse(runner.isAlive());
        assertInstanceOf(InterruptedException.class, thrown[0]);
    }
}
