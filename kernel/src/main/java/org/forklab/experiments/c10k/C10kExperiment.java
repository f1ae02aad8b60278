package org.forklab.experiments.c10k;

import org.forklab.stats.Unit;
import org.forklab.experiments.core.ProgressListener;
import org.forklab.experiments.core.Deadline;
import org.forklab.experiments.core.Environment;
import org.forklab.experiments.core.JavaChild;
import org.forklab.experiments.core.Samples;
import org.forklab.experiments.core.VirtualThreads;
import org.forklab.experiments.core.PeerProcess;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.channels.ClosedByInterruptException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A loopback echo server holding K clients, for each server design and each K. The server runs
 * in a child JVM of its own, started fresh for every K, so that its memory and thread count are
 * those of the design alone; the clients run here on one thread ({@link LoadGenerator}). For
 * each point: the server's memory idle, then holding all K connections (each has made one round
 * trip, so a thread-per-connection server has started all its threads), then after the load
 * phase of K × R round trips, whose throughput and latencies are kept.
 */
public final class C10kExperiment {
    private static final List<String> SERVER_JVM = List.of("-XX:+DisplayVMOutputToStderr", "-XX:+UseSerialGC", "-Xmx256m");

    private C10kExperiment() {
    }

    public static C10kResult run(C10kConfig config) throws IOException, InterruptedException {
        return run(config, ProgressListener.NONE);
    }

    /** The run, announcing each server and client count (a fresh server each) as a phase. */
    public static C10kResult run(C10kConfig config, ProgressListener progress) throws IOException, InterruptedException {
        Deadline deadline = Deadline.after(config.timeLimit());
        Map<String, String> mechanisms = new LinkedHashMap<>();
        Map<String, String> skipped = new LinkedHashMap<>();
        List<C10kPoint> points = new ArrayList<>();
        int phases = config.servers().size() * config.clients().size();
        int done = 0;
        try {
            for (String server : config.servers()) {
                if (server.equals(C10kConfig.VIRTUAL) && !VirtualThreads.available()) {
                    skipped.put(server, VirtualThreads.unavailableReason());
                    done += config.clients().size();
                    continue;
                }
                mechanisms.put(server, describe(server));
                for (int k : config.clients()) {
                    deadline.check();
                    progress.phase(server + ", " + k + " connections", done++, phases);
                    points.add(point(server, k, config, deadline));
                }
            }
        } catch (ClosedByInterruptException e) {
            Thread.interrupted();
            throw new InterruptedException("interrupted");
        }
        return new C10kResult(Environment.current(), config, mechanisms, points, skipped);
    }

    private static String describe(String server) {
        return switch (server) {
            case C10kConfig.THREADS -> "a platform thread per connection (blocking SocketChannel), started by one acceptor thread";
            case C10kConfig.VIRTUAL -> "a virtual thread per connection, the same blocking code; a waiting virtual thread is"
                    + " parked off its carrier while the JDK's poller watches the socket";
            default -> "one thread, one NIO Selector, non-blocking channels; OP_WRITE only when a reply does not fit at once";
        };
    }

    private static C10kPoint point(String server, int k, C10kConfig config, Deadline deadline)
            throws IOException, InterruptedException {
        List<String> cmd = JavaChild.command(EchoServerMain.class, SERVER_JVM,
                List.of(server, String.valueOf(Math.max(config.messageBytes(), 1024))));
        try (PeerProcess child = PeerProcess.start(cmd, server + " echo server JVM")) {
            int port = readPort(child, deadline);
            ServerMemory idle = ServerMemory.of(child.pid());
            try (LoadGenerator clients = new LoadGenerator(port, config.messageBytes(), deadline, child::ensureAlive)) {
                clients.connect(k);
                clients.run(1);
                ServerMemory held = ServerMemory.of(child.pid());
                LoadGenerator.Phase load = clients.run(config.roundTrips());
                ServerMemory loaded = ServerMemory.of(child.pid());
                Samples latency = new Samples(server + ", " + k + " clients, round trip", Unit.NANOSECONDS, load.latencies(),
                        new double[0], 1);
                return new C10kPoint(server, k, load.roundTrips(), load.bytesSent(), load.bytesReceived(),
                        load.mismatches(), load.elapsedNanos(), latency, idle, held, loaded);
            }
        }
    }

    /** The server's first line, "port N"; waits without blocking so a deadline, interrupt or death is seen. */
    private static int readPort(PeerProcess child, Deadline deadline) throws IOException, InterruptedException {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.stdout(), StandardCharsets.UTF_8));
        while (!out.ready()) {
            deadline.check();
            child.ensureAlive();
            Thread.sleep(5);
        }
        String line = out.readLine();
        if (line == null || !line.startsWith("port ")) {
            throw new IOException("the echo server did not say its port: " + child.describeEnd());
        }
        return Integer.parseInt(line.substring(5).trim());
    }
}
