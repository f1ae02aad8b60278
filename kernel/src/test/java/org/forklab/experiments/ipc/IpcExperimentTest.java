package org.forklab.experiments.ipc;

import org.forklab.experiments.core.BadParameterException;
import org.forklab.experiments.core.ExperimentTimeoutException;
import org.forklab.experiments.core.Samples;
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
    @AfterEach
    void noSharedMemoryFileLeft() throws Exception {
        try (Stream<Path> left = Files.list(IpcExperiment.sharedMemoryDir())) {
            assertEquals(List.of(), left.filter(p -> p.getFileName().toString().startsWith("forklab-ipc-")).toList());
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

    @Test
    void everyTransportCarriesEveryByteAndKeepsSamplesPerSize() throws Exception {
        IpcResult r = IpcExperiment.run(small(Transport.words().toArray(String[]::new)));
        assertEquals("ipc", r.experiment());
        assertEquals(Transport.words(), r.transports().stream().map(TransportResult::transport).toList());
        for (TransportResult t : r.transports()) {
            assertEquals(List.of(8, 4096, 200_000), t.points().stream().map(SizePoint::size).toList());
            for (SizePoint p : t.points()) {
                assertTrue(p.echoIntact(), t.transport() + " mangled an echoed message of " + p.size());
                assertTrue(p.bytesSent() > 0);
                assertEquals(p.bytesSent(), p.bytesAcknowledged(), t.transport() + " lost bytes at " + p.size());
                assertEquals(0, p.bytesSent() % p.size());
                assertEquals(3, p.latency().size());
                assertEquals(3, p.latency().cold().length);
                assertEquals("ns", p.latency().unit());
                assertEquals(2, p.throughput().size());
                assertEquals("MB/s", p.throughput().unit());
                for (double v : p.latency().values()) {
                    assertTrue(v > 0);
                }
                for (double v : p.throughput().values()) {
                    assertTrue(v > 0);
                }
            }
            assertFalse(t.mechanism().isBlank());
        }
        assertEquals(6 * 3 * 2, r.samples().size());
        assertEquals(r.samples().size(), r.samples().stream().map(Samples::label).distinct().count());
        assertTrue(r.settings().get("tcp-loopback").contains("127.0.0.1"));
        assertTrue(r.settings().get("pipe").contains("stdin"));
    }

    @Test
    void labelsNameTransportAndSize() throws Exception {
        IpcResult r = IpcExperiment.run(small("thread-copy").withSizes(List.of(1 << 20, 64)));
        assertEquals(List.of("thread-copy round trip 1 MiB", "thread-copy round trip 64 B",
                        "thread-copy throughput 1 MiB", "thread-copy throughput 64 B"),
                r.samples().stream().map(Samples::label).toList());
    }

    @Test
    void refusesBadParametersInOneLine() {
        assertEquals("transport 'carrier-pigeon' is not known: accepted thread-handoff, thread-copy, pipe, unix-socket, tcp-loopback, shared-memory",
                assertThrows(BadParameterException.class, () -> IpcConfig.defaults().withTransports(List.of("carrier-pigeon"))).getMessage());
        assertEquals("message size (bytes) = 0 is out of range: accepted 1 to 16777216; try 1",
                assertThrows(BadParameterException.class, () -> IpcConfig.defaults().withSizes(List.of(8, 0))).getMessage());
        assertEquals("message size (bytes) = -5 is out of range: accepted 1 to 16777216; try 1",
                assertThrows(BadParameterException.class, () -> IpcConfig.defaults().withSizes(List.of(-5))).getMessage());
        assertEquals("message size (bytes) = 16777217 is out of range: accepted 1 to 16777216; try 16777216",
                assertThrows(BadParameterException.class, () -> IpcConfig.defaults().withSizes(List.of((16 << 20) + 1))).getMessage());
        assertEquals("latency samples = 0 is out of range: accepted 1 to 100000; try 1",
                assertThrows(BadParameterException.class, () -> IpcConfig.defaults().withLatencySamples(0)).getMessage());
        assertEquals("no transport given: accepted thread-handoff, thread-copy, pipe, unix-socket, tcp-loopback, shared-memory",
                assertThrows(BadParameterException.class, () -> IpcConfig.defaults().withTransports(List.of())).getMessage());
    }

    @Test
    void timeLimitStopsTheRunAndTheChild() {
        IpcConfig c = endless("shared-memory", "pipe").withTimeLimit(Duration.ofMillis(1500));
        ExperimentTimeoutException e = assertThrows(ExperimentTimeoutException.class, () -> IpcExperiment.run(c));
        assertTrue(e.getMessage().contains("1.5 s"), e.getMessage());
    }

    @Test
    void interruptWhileTheChildStartsStopsTheRun() throws Exception {
        // 100 ms in, the parent is blocked reading the child's stdout pipe for READY: no interrupt
        // can wake such a read, so the guard must kill the child to end it (on a machine that starts
        // a JVM in under 100 ms the interrupt lands in the long run that follows instead)
        IpcConfig c = endless("pipe");
        Throwable[] thrown = new Throwable[1];
        Thread runner = new Thread(() -> {
            try {
                IpcExperiment.run(c);
            } catch (Throwable t) {
                thrown[0] = t;
            }
        });
        runner.start();
        Thread.sleep(100);
        runner.interrupt();
        runner.join(10_000);
        assertFalse(runner.isAlive());
        assertInstanceOf(InterruptedException.class, thrown[0], String.valueOf(thrown[0]));
    }

    @Test
    void interruptStopsTheRunWithinASecond() throws Exception {
        for (String transport : List.of("thread-handoff", "shared-memory", "unix-socket", "pipe")) {
            IpcConfig c = endless(transport);
            Throwable[] thrown = new Throwable[1];
            Thread runner = new Thread(() -> {
                try {
                    IpcExperiment.run(c);
                } catch (Throwable t) {
                    thrown[0] = t;
                }
            });
            runner.start();
            Thread.sleep(1_200);
            runner.interrupt();
            runner.join(10_000);
            assertFalse(runner.isAlive(), transport + ": still running 10 s after the interrupt");
            assertInstanceOf(InterruptedException.class, thrown[0], transport + ": " + thrown[0]);
        }
    }
}
