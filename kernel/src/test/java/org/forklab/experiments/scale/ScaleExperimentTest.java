package org.forklab.experiments.scale;

import org.forklab.experiments.core.BadParameterException;
import org.forklab.experiments.core.Caps;
import org.forklab.experiments.core.ExperimentTimeoutException;
import org.forklab.experiments.core.Limits;
import org.forklab.experiments.ipc.LeftoverThreads;
import org.forklab.experiments.nativeprobe.NativeProbe;
import org.forklab.experiments.core.VirtualThreads;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.forklab.experiments.ipc.NothingLeftBehind;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

@ExtendWith(NothingLeftBehind.class)
class ScaleExperimentTest {
    private static ScaleConfig small() {
        return ScaleConfig.defaults().withThreadCounts(List.of(8L, 16L, 32L)).withVirtualCounts(List.of(5_000L, 20_000L))
                .withProcessCounts(List.of(2L, 4L, 6L));
    }

    @Test
    void measuresEveryCountOfPlatformThreadsAndProcesses() throws Exception {
        ScaleResult r = ScaleExperiment.run(small().withKinds(List.of(ScaleConfig.PLATFORM, ScaleConfig.PROCESSES)));
        assertEquals("scale", r.experiment());
        assertEquals(List.of(ScaleConfig.PLATFORM, ScaleConfig.PROCESSES), r.kinds().stream().map(ScaleKind::kind).toList());
        ScaleKind threads = r.kinds().get(0);
        assertEquals(List.of(8L, 16L, 32L), threads.points().stream().map(ScalePoint::count).toList());
        for (ScalePoint p : threads.points()) {
            assertTrue(p.creationNanos() > 0);
            assertTrue(p.stacksSeen() >= 0 && p.stacksSeen() <= p.count(), p.toString());
            assertTrue(p.stackResidentBytes() <= p.stackVirtualBytes(), p.toString());
            assertEquals(0, p.stackVirtualBytes() % 4096);
        }
        ScaleKind procs = r.kinds().get(1);
        assertEquals(List.of(2L, 4L, 6L), procs.points().stream().map(ScalePoint::count).toList());
        for (ScalePoint p : procs.points()) {
            // sums over live children: each has a resident and a virtual size of its own
            assertEquals(p.count(), p.tasksSeen());
            assertTrue(p.rssBytes() > 0 && p.pssBytes() > 0 && p.vmSizeBytes() > 0, p.toString());
            assertTrue(p.pssBytes() <= p.rssBytes(), "PSS divides shared pages, so it cannot exceed RSS: " + p);
            assertTrue(p.rssBytes() <= p.vmSizeBytes(), p.toString());
            assertEquals(0, p.heapBytes());
        }
        Series pss = r.series(ScaleConfig.PROCESSES, "PSS");
        assertArrayEquals(new double[] {2, 4, 6}, pss.x());
        assertEquals(3, pss.y().length);
        org.forklab.stats.Regression fit = pss.fit();
        assertEquals(3, fit.n());
        assertTrue(fit.slope() > 0, "each idle process adds its own pages: " + fit);
        assertTrue(fit.slopeInterval().isDefined());
        assertEquals(2 * 9 - 2, r.series().size(), "7 quantities per kind, plus stack virtual and resident for threads");
        assertEquals(4, r.samples().size());
        assertTrue(r.settings().get(ScaleSetting.LIMITS).contains("threads-max " + Limits.read().threadsMax()));
        assertEquals(Limits.read().threadsMax(), r.limits().threadsMax());
    }

    @Test
    void virtualThreadsRunOrSayWhyNot() throws Exception {
        ScaleResult r = ScaleExperiment.run(small().withKinds(List.of(ScaleConfig.VIRTUAL)));
        if (VirtualThreads.available()) {
            assertEquals(Set.of(), r.skipped().keySet());
            ScaleKind v = r.kinds().get(0);
            assertEquals(List.of(5_000L, 20_000L), v.points().stream().map(ScalePoint::count).toList());
            // 20,000 parked virtual threads keep their stacks in the heap, measured after a full GC
            assertTrue(v.points().get(1).heapBytes() > 0, v.points().get(1).toString());
            assertTrue(v.points().get(1).tasksSeen() < 1_000, "virtual threads are not kernel tasks: " + v.points().get(1));
        } else {
            assertEquals(List.of(), r.kinds());
            assertEquals("virtual threads need JDK 21 or later; this kernel runs on JDK " + Runtime.version().feature(),
                    r.skipped().get(ScaleConfig.VIRTUAL));
        }
    }

    @Test
    void forkedIdleProcessesAreCountedOrSkippedWithTheProbesReason() throws Exception {
        ScaleResult r = ScaleExperiment.run(small().withKinds(List.of(ScaleConfig.FORKED)));
        java.util.Optional<String> missing = NativeProbe.bundled().availability();
        if (missing.isPresent()) {
            assertEquals(missing.get(), r.skipped().get(ScaleConfig.FORKED));
            return;
        }
        ScaleKind forked = r.kinds().get(0);
        assertEquals(List.of(2L, 4L, 6L), forked.points().stream().map(ScalePoint::count).toList());
        for (ScalePoint p : forked.points()) {
            assertEquals(p.count(), p.tasksSeen(), "every forked child found in /proc: " + p);
            assertTrue(p.rssBytes() > 0 && p.pssBytes() > 0 && p.pssBytes() <= p.rssBytes(), p.toString());
            assertTrue(p.creationNanos() > 0);
        }
    }

    @Test
    void refusesBadParametersInOneLine() {
        Caps caps = Caps.defaults();
        assertEquals("platform thread count = 0 is out of range: accepted 1 to " + ScaleConfig.MAX_THREADS + "; try 1",
                assertThrows(BadParameterException.class, () -> small().withThreadCounts(List.of(0L))).getMessage());
        assertEquals("process count = -3 is out of range: accepted 1 to " + ScaleConfig.MAX_PROCESSES + "; try 1",
                assertThrows(BadParameterException.class, () -> small().withProcessCounts(List.of(4L, -3L))).getMessage());
        assertEquals("threads = " + (caps.maxThreads() + 1) + " is above the safety cap of " + caps.maxThreads()
                        + " on this machine; lower it, or raise the cap with --max-threads",
                assertThrows(BadParameterException.class,
                        () -> small().withThreadCounts(List.of(caps.maxThreads() + 1))).getMessage());
        assertEquals("processes = " + (caps.maxProcesses() + 1) + " is above the safety cap of " + caps.maxProcesses()
                        + " on this machine; lower it, or raise the cap with --max-processes",
                assertThrows(BadParameterException.class,
                        () -> small().withProcessCounts(List.of(caps.maxProcesses() + 1))).getMessage());
        assertEquals("kind 'fibres' is not known: accepted platform-threads, virtual-threads, processes, forked-processes",
                assertThrows(BadParameterException.class, () -> small().withKinds(List.of("fibres"))).getMessage());
        assertEquals("thread stack (bytes) = 1000 is out of range: accepted 65536 to 1073741824; try 65536",
                assertThrows(BadParameterException.class, () -> small().withThreadStackBytes(1000)).getMessage());
        assertEquals("process counts: 1 point given (4); a slope per entity needs at least 2 counts, 5 or more to judge"
                        + " the fit, e.g. 4,8,12,16,20",
                assertThrows(BadParameterException.class, () -> small().withProcessCounts(List.of(4L))).getMessage());
        assertEquals("no process count given: give one or more counts, e.g. 100 200 400 800",
                assertThrows(BadParameterException.class, () -> small().withProcessCounts(List.of())).getMessage());
    }

    @Test
    void capsRaiseOnlyUpToTheHardLimit() {
        Caps hard = Limits.read().hardCaps();
        ScaleConfig raised = small().withCapsRaisedTo(new Caps(Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE));
        assertEquals(hard, raised.caps());
        assertThrows(BadParameterException.class,
                () -> raised.withThreadCounts(List.of(hard.maxThreads() + 1)));
    }

    @Test
    void timeLimitStopsCreationAndCleansUp() {
        // six rounds of 900 take seconds even where a process starts in well under a millisecond,
        // more than the shortest time limit a run accepts
        ScaleConfig c = small().withKinds(List.of(ScaleConfig.PROCESSES))
                .withProcessCounts(List.of(900L, 900L, 900L, 900L, 900L, 900L))
                .withTimeLimit(Duration.ofSeconds(org.forklab.experiments.core.TimeLimit.MIN_SECONDS));
        assertThrows(ExperimentTimeoutException.class, () -> ScaleExperiment.run(c));
    }

    @Test
    void interruptStopsCreationAndCleansUp() throws Exception {
        for (String kind : List.of(ScaleConfig.PROCESSES, ScaleConfig.PLATFORM)) {
            ScaleConfig c = small().withKinds(List.of(kind)).withProcessCounts(List.of(900L, 900L, 900L))
                    .withThreadCounts(List.of(9_000L, 9_000L, 9_000L, 9_000L, 9_000L));
            Throwable[] thrown = new Throwable[1];
            Thread runner = new Thread(() -> {
                try {
                    ScaleExperiment.run(c);
                } catch (Throwable t) {
                    thrown[0] = t;
                }
            });
            runner.start();
            Thread.sleep(400);
            runner.interrupt();
            runner.join(20_000);
            assertFalse(runner.isAlive(), kind);
            assertInstanceOf(InterruptedException.class, thrown[0], kind + ": " + thrown[0]);
        }
    }
}
