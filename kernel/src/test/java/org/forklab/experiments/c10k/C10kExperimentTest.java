package org.forklab.experiments.c10k;

import org.forklab.experiments.core.BadParameterException;
import org.forklab.experiments.core.Caps;
import org.forklab.experiments.core.ExperimentTimeoutException;
import org.forklab.experiments.core.ProcessTree;
import org.forklab.experiments.ipc.LeftoverThreads;
import org.forklab.experiments.core.VirtualThreads;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.forklab.experiments.ipc.NothingLeftBehind;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.*;

@ExtendWith(NothingLeftBehind.class)
class C10kExperimentTest {
    private static C10kConfig small() {
        return C10kConfig.defaults().withClients(List.of(3, 40)).withRoundTrips(5).withMessageBytes(100);
    }

    @Test
    void everyServerEchoesEveryByteToEveryClient() throws Exception {
        C10kResult r = C10kExperiment.run(small());
        List<String> ran = VirtualThreads.available() ? C10kConfig.SERVERS
                : List.of(C10kConfig.THREADS, C10kConfig.SELECTOR);
        assertEquals(ran.size() * 2, r.points().size());
        assertEquals(ran, r.points().stream().map(C10kPoint::server).distinct().toList());
        for (C10kPoint p : r.points()) {
            long trips = (long) p.clients() * 5;
            assertEquals(trips, p.roundTripsDone(), p.server());
            assertEquals(trips * 100, p.bytesSent(), p.server());
            assertEquals(p.bytesSent(), p.bytesReceived(), p.server());
            assertEquals(0, p.mismatches(), p.server());
            assertEquals(trips, p.latency().size());
            assertTrue(p.roundTripsPerSecond() > 0);
            assertTrue(p.idle().rssBytes() > 0 && p.held().rssBytes() > 0 && p.loaded().rssBytes() > 0);
            assertTrue(p.idle().threads() > 0);
        }
        C10kPoint threads40 = r.points().stream().filter(p -> p.server().equals(C10kConfig.THREADS) && p.clients() == 40)
                .findFirst().orElseThrow();
        assertTrue(threads40.held().threads() > 40, "a thread per connection: " + threads40.held());
        C10kPoint selector40 = r.points().stream().filter(p -> p.server().equals(C10kConfig.SELECTOR) && p.clients() == 40)
                .findFirst().orElseThrow();
        assertTrue(selector40.held().threads() < 40, "one event loop: " + selector40.held());
        if (VirtualThreads.available()) {
            C10kPoint virtual40 = r.points().stream().filter(p -> p.server().equals(C10kConfig.VIRTUAL) && p.clients() == 40)
                    .findFirst().orElseThrow();
            assertTrue(virtual40.held().threads() < 40, "virtual threads are not kernel threads: " + virtual40.held());
        } else {
            assertEquals(VirtualThreads.unavailableReason(), r.skipped().get(C10kConfig.VIRTUAL));
        }
        assertEquals(r.points().size(), r.samples().size());
        assertArrayEquals(new double[] {3, 40}, r.series(C10kConfig.SELECTOR, "threads held").x());
        assertEquals("c10k", r.experiment());
    }

    @Test
    void refusesBadParametersInOneLine() {
        assertEquals("server 'apache' is not known: accepted threads, virtual-threads, selector",
                assertThrows(BadParameterException.class, () -> small().withServers(List.of("apache"))).getMessage());
        // the open-files limit (less 256 spare descriptors), and never more than the option's bound
        long most = Math.min(C10kConfig.MAX_CLIENTS, C10kConfig.openFilesLimit() - 256);
        assertEquals("clients = 0 is out of range: accepted 1 to " + most + "; try 1",
                assertThrows(BadParameterException.class, () -> small().withClients(List.of(10, 0))).getMessage());
        assertEquals("clients = " + (most + 1) + " is out of range: accepted 1 to " + most + "; try " + most,
                assertThrows(BadParameterException.class,
                        () -> small().withServers(List.of(C10kConfig.SELECTOR)).withClients(List.of((int) most + 1))).getMessage());
        assertEquals("message size (bytes) = 0 is out of range: accepted 1 to 1048576; try 1",
                assertThrows(BadParameterException.class, () -> small().withMessageBytes(0)).getMessage());
        assertEquals("round trips per client = -1 is out of range: accepted 1 to 1000000; try 1",
                assertThrows(BadParameterException.class, () -> small().withRoundTrips(-1)).getMessage());
        assertEquals("threads = 10 is above the safety cap of 5 on this machine; lower it, or raise the cap with --max-threads",
                assertThrows(BadParameterException.class, () -> small().withClients(List.of(10))
                        .withCaps(new Caps(5, 5, 5, 1 << 30))).getMessage());
    }

    @Test
    void timeLimitStopsClientsAndServer() {
        C10kConfig c = small().withServers(List.of(C10kConfig.THREADS)).withClients(List.of(50)).withRoundTrips(1_000_000)
                .withTimeLimit(Duration.ofMillis(1_500));
        assertThrows(ExperimentTimeoutException.class, () -> C10kExperiment.run(c));
    }

    @Test
    void interruptStopsClientsAndServer() throws Exception {
        Throwable t = runAndDisturb(small().withServers(List.of(C10kConfig.SELECTOR)).withClients(List.of(50))
                .withRoundTrips(1_000_000), Thread::interrupt);
        assertInstanceOf(InterruptedException.class, t, String.valueOf(t));
    }

    @Test
    void aServerThatDiesIsReportedNotWaitedFor() throws Exception {
        Throwable t = runAndDisturb(small().withServers(List.of(C10kConfig.THREADS)).withClients(List.of(50))
                .withRoundTrips(1_000_000), runner -> ProcessTree.descendants().forEach(ProcessHandle::destroyForcibly));
        assertInstanceOf(IOException.class, t, String.valueOf(t));
    }

    private interface Disturbance {
        void apply(Thread runner) throws Exception;
    }

    private static Throwable runAndDisturb(C10kConfig c, Disturbance d) throws Exception {
        Throwable[] thrown = new Throwable[1];
        Callable<Object> body = () -> C10kExperiment.run(c);
        Thread runner = new Thread(() -> {
            try {
                body.call();
            } catch (Throwable e) {
                thrown[0] = e;
            }
        });
        runner.start();
        Thread.sleep(1_500);
        d.apply(runner);
        runner.join(10_000);
        assertFalse(runner.isAlive(), "still running 10 s after the disturbance");
        return thrown[0];
    }
}
