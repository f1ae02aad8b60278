package org.forklab.experiments.ipc;

import org.forklab.stats.Unit;
import org.forklab.experiments.core.BadParameterException;
import org.forklab.experiments.core.ExperimentTimeoutException;
import org.forklab.experiments.core.Samples;
import org.forklab.experiments.switching.Placement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

@ExtendWith(NothingLeftBehind.class)
class IpcExperimentTest {
    /** Only this JVM's segments: another test run on the machine may be using its own right now. */
    @AfterEach
    void noSharedMemoryFileLeft() throws Exception {
        try (Stream<Path> left = Files.list(IpcExperiment.sharedMemoryDir())) {
            assertEquals(List.of(), left.filter(p -> p.getFileName().toString().startsWith(IpcExperiment.segmentPrefix())).toList());
        }
    }

    private static IpcConfig small(String... transports) {
        return IpcConfig.defaults().withTransports(List.of(transports)).withSizes(List.of(8, 4096, 200_000))
                .withLatencySamples(3).withThroughputSamples(2);
    }

    /** A run minutes long on any machine, so an interrupt always finds it still working. */
    private static IpcConfig endless(String... transports) {
        return IpcConfig.defaults().withTransports(List.of(transports)).withSizes(IpcConfig.sweep())
                .withLatencySamples(100_000).withThroughputSamples(100_000);
    }

    /** Every transport but the native ones: those stream nothing one way and need the probe. */
    private static List<String> javaWords() {
        return Stream.of(Transport.values()).filter(t -> t.carrier() != Transport.Carrier.NATIVE).map(Transport::word).toList();
    }

    @Test
    void everyTransportCarriesEveryByteAndKeepsSamplesPerSize() throws Exception {
        IpcResult r = IpcExperiment.run(small(javaWords().toArray(String[]::new)));
        assertEquals("ipc", r.experiment());
        assertEquals(javaWords(), r.transports().stream().map(TransportResult::transport).toList());
        for (TransportResult t : r.transports()) {
            assertEquals("scheduler", t.placement());
            assertEquals(List.of(8, 4096, 200_000), t.points().stream().map(SizePoint::size).toList());
            for (SizePoint p : t.points()) {
                assertTrue(p.echoIntact(), t.transport() + " mangled an echoed message of " + p.size());
                assertTrue(p.bytesSent() > 0);
                assertEquals(p.bytesSent(), p.bytesAcknowledged(), t.transport() + " lost bytes at " + p.size());
                assertEquals(0, p.bytesSent() % p.size());
                assertEquals(3, p.latency().size());
                assertEquals(3, p.latency().cold().length);
                assertEquals(Unit.NANOSECONDS, p.latency().unit());
                assertEquals(2, p.throughput().size());
                assertEquals(Unit.MEGABYTES_PER_SECOND, p.throughput().unit());
                for (double v : p.latency().values()) {
                    assertTrue(v > 0);
                }
                for (double v : p.throughput().values()) {
                    assertTrue(v > 0);
                }
            }
            assertFalse(t.mechanism().isBlank());
        }
        assertEquals(javaWords().size() * 3 * 2, r.samples().size());
        assertEquals(r.samples().size(), r.samples().stream().map(Samples::label).distinct().count());
        assertTrue(r.settings().get(IpcSetting.mechanism("tcp-loopback", "scheduler")).contains("127.0.0.1"));
        assertTrue(r.settings().get(IpcSetting.mechanism("pipe", "scheduler")).contains("stdin"));
    }

    @Test
    void nativeHandoffsGiveRoundTripsPerSizeAndPlacement() throws Exception {
        List<Placement> placements = twoCpus() ? List.of(Placement.SAME_CPU, Placement.TWO_CPUS) : List.of(Placement.SAME_CPU);
        IpcResult r = IpcExperiment.run(small("native-threads-spin", "native-shm-futex").withPlacements(placements));
        assertEquals(2 * placements.size(), r.transports().size());
        for (TransportResult t : r.transports()) {
            assertEquals(List.of(8, 4096, 200_000), t.points().stream().map(SizePoint::size).toList());
            assertTrue(t.mechanism().contains("ran on CPUs"), t.mechanism());
            for (SizePoint p : t.points()) {
                assertEquals(3, p.latency().size());
                assertTrue(p.throughputIfMeasured().isEmpty());
            }
        }
        // pinned to one CPU, both sides were seen on that CPU
        String same = r.transport("native-threads-spin", "same-cpu").orElseThrow().mechanism();
        assertTrue(same.matches(".*ran on CPUs (\\d+) and \\1$"), same);
        assertEquals(2 * placements.size() * 3, r.samples().size());
    }

    @Test
    void placementsMoveBothEndsOfAChildJvm() throws Exception {
        IpcResult r = IpcExperiment.run(small("pipe").withSizes(List.of(64))
                .withPlacements(List.of(Placement.SAME_CPU, Placement.SCHEDULER)));
        assertEquals(List.of("same-cpu", "scheduler"), r.transports().stream().map(TransportResult::placement).toList());
        assertTrue(r.transport("pipe", "same-cpu").orElseThrow().mechanism().contains("pinned to CPU"));
        assertTrue(r.transport("pipe", "scheduler").orElseThrow().mechanism().contains("not pinned"));
    }

    private static boolean twoCpus() {
        return org.forklab.experiments.core.Cpus.parseList(org.forklab.experiments.core.Environment.current().cpuAffinity())
                .size() > 1;
    }

    @Test
    void labelsNameTransportSizeAndPlacement() throws Exception {
        IpcResult r = IpcExperiment.run(small("thread-copy").withSizes(List.of(1 << 20, 64)));
        assertEquals(List.of("thread-copy round trip 1 MiB, scheduler", "thread-copy round trip 64 B, scheduler",
                        "thread-copy throughput 1 MiB, scheduler", "thread-copy throughput 64 B, scheduler"),
                r.samples().stream().map(Samples::label).toList());
    }

    @Test
    void refusesBadParametersInOneLine() {
        String accepted = "thread-spin, thread-handoff, thread-copy, pipe, unix-socket, tcp-loopback, shared-memory, "
                + "native-threads-spin, native-threads-futex, native-shm-spin, native-shm-futex";
        assertEquals("transport 'carrier-pigeon' is not known: accepted " + accepted,
                assertThrows(BadParameterException.class, () -> IpcConfig.defaults().withTransports(List.of("carrier-pigeon"))).getMessage());
        assertEquals("message size (bytes) = 0 is out of range: accepted 1 to 16777216; try 1",
                assertThrows(BadParameterException.class, () -> IpcConfig.defaults().withSizes(List.of(8, 0))).getMessage());
        assertEquals("message size (bytes) = -5 is out of range: accepted 1 to 16777216; try 1",
                assertThrows(BadParameterException.class, () -> IpcConfig.defaults().withSizes(List.of(-5))).getMessage());
        assertEquals("message size (bytes) = 16777217 is out of range: accepted 1 to 16777216; try 16777216",
                assertThrows(BadParameterException.class, () -> IpcConfig.defaults().withSizes(List.of((16 << 20) + 1))).getMessage());
        assertEquals("latency samples = 0 is out of range: accepted 1 to 100000; try 1",
                assertThrows(BadParameterException.class, () -> IpcConfig.defaults().withLatencySamples(0)).getMessage());
        assertEquals("no transport given: accepted " + accepted,
                assertThrows(BadParameterException.class, () -> IpcConfig.defaults().withTransports(List.of())).getMessage());
        assertEquals("no placement given: accepted same-cpu, two-cpus, scheduler",
                assertThrows(BadParameterException.class, () -> IpcConfig.defaults().withPlacements(List.of())).getMessage());
    }

    @Test
    void twoCpusIsRefusedInOneLineWhereOnlyOneIsAllowed() {
        IpcConfig c = IpcConfig.defaults().withPlacements(List.of(Placement.TWO_CPUS));
        assertEquals("placement two-cpus needs two CPUs, but this process may use only CPU [3]: accepted here same-cpu, scheduler",
                assertThrows(BadParameterException.class, () -> c.checkPlacements(List.of(3))).getMessage());
        c.checkPlacements(List.of(0, 1));
        IpcConfig.defaults().withPlacements(List.of(Placement.SAME_CPU, Placement.SCHEDULER)).checkPlacements(List.of(3));
    }

    @Test
    void timeLimitStopsTheRunAndTheChild() {
        IpcConfig c = endless("shared-memory", "pipe").withTimeLimit(Duration.ofMillis(1500));
        ExperimentTimeoutException e = assertThrows(ExperimentTimeoutException.class, () -> IpcExperiment.run(c));
        assertTrue(e.getMessage().contains("1.5 s"), e.getMessage());
    }

    /** What makes the leftover check above able to fail: a running experiment's segment carries the prefix. */
    @Test
    void theSharedMemorySegmentIsNamedForThisJvmWhileTheRunWorks() throws Exception {
        IpcConfig c = endless("shared-memory");
        BackgroundRun run = new BackgroundRun(c);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        List<Path> ours = List.of();
        while (ours.isEmpty() && run.running() && System.nanoTime() < deadline) {
            try (Stream<Path> files = Files.list(IpcExperiment.sharedMemoryDir())) {
                ours = files.filter(p -> p.getFileName().toString().startsWith(IpcExperiment.segmentPrefix())).toList();
            }
            Thread.sleep(10);
        }
        Throwable thrown = run.interrupt();
        assertFalse(run.running());
        assertEquals(1, ours.size(), "the running experiment's segment, named " + IpcExperiment.segmentPrefix() + "*");
        assertInstanceOf(InterruptedException.class, thrown, String.valueOf(thrown));
    }

    @Test
    void interruptWhileTheChildStartsStopsTheRun() throws Exception {
        // 100 ms in, the parent is blocked reading the child's stdout pipe for READY: no interrupt
        // can wake such a read, so the guard must kill the child to end it (on a machine that starts
        // a JVM in under 100 ms the interrupt lands in the long run that follows instead)
        IpcConfig c = endless("pipe");
        BackgroundRun run = new BackgroundRun(c);
        Thread.sleep(100);
        Throwable thrown = run.interrupt();
        assertFalse(run.running());
        assertInstanceOf(InterruptedException.class, thrown, String.valueOf(thrown));
    }

    @Test
    void interruptStopsTheRunWithinASecond() throws Exception {
        for (String transport : List.of("thread-spin", "thread-handoff", "shared-memory", "native-shm-spin", "unix-socket", "pipe")) {
            IpcConfig c = endless(transport);
            BackgroundRun run = new BackgroundRun(c);
            Thread.sleep(1_200);
            Throwable thrown = run.interrupt();
            assertFalse(run.running(), transport + ": still running 10 s after the interrupt");
            assertInstanceOf(InterruptedException.class, thrown, transport + ": " + thrown);
        }
    }

    /** An experiment run on a thread of its own, so that a test can interrupt it. */
    private static final class BackgroundRun {
        private final Thread thread;
        private volatile Throwable thrown;

        BackgroundRun(IpcConfig config) {
            thread = new Thread(() -> {
                try {
                    IpcExperiment.run(config);
                } catch (Throwable t) {
                    thrown = t;
                }
            });
            thread.start();
        }

        boolean running() {
            return thread.isAlive();
        }

        /** Interrupts the run, waits up to 10 s for it to end and returns what it threw (null if nothing). */
        Throwable interrupt() throws InterruptedException {
            thread.interrupt();
            thread.join(10_000);
            return thrown;
        }
    }
}
