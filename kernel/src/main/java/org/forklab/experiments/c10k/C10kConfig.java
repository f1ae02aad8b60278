package org.forklab.experiments.c10k;

import org.forklab.experiments.core.TimeLimit;
import org.forklab.experiments.core.BadParameterException;
import org.forklab.experiments.core.Caps;
import org.forklab.experiments.core.Check;
import org.forklab.experiments.core.SystemFiles;

import java.time.Duration;
import java.util.List;

/**
 * The many-connections experiment: which servers, how many clients at once, and the work each
 * client does.
 *
 * @param servers      words from {@link #SERVERS}
 * @param clients      connection counts K, each measured with a fresh server
 * @param roundTrips   echo round trips per client, R
 * @param messageBytes bytes per message, S
 * @param caps         a thread-per-connection server needs K threads: checked against the thread cap
 * @param timeLimit    the whole run stops past this
 */
public record C10kConfig(List<String> servers, List<Integer> clients, int roundTrips, int messageBytes, Caps caps,
                         Duration timeLimit) {
    public static final String THREADS = "threads";
    public static final String VIRTUAL = "virtual-threads";
    public static final String SELECTOR = "selector";
    public static final List<String> SERVERS = List.of(THREADS, VIRTUAL, SELECTOR);
    /** Descriptors kept free for the JVM itself when sizing the client count against the open-files limit. */
    static final int SPARE_DESCRIPTORS = 256;
    // The accepted ranges, written once: the config checks them and %c10k's options declare them.
    /** The most clients a run may ask for; the open-files limit usually allows fewer. */
    public static final int MAX_CLIENTS = 1_000_000;
    public static final int MAX_ROUND_TRIPS = 1_000_000;
    public static final int MAX_MESSAGE_BYTES = 1 << 20;

    public C10kConfig {
        servers = List.copyOf(servers);
        clients = List.copyOf(clients);
        if (servers.isEmpty()) {
            throw new BadParameterException("no server given: accepted " + String.join(", ", SERVERS));
        }
        for (String s : servers) {
            Check.oneOf("server", s, SERVERS);
        }
        if (clients.isEmpty()) {
            throw new BadParameterException("no client count given: give one or more, e.g. 10 100 1000");
        }
        long descriptors = openFilesLimit() - SPARE_DESCRIPTORS;
        for (int k : clients) {
            Check.range("clients", k, 1, Math.min(MAX_CLIENTS, Math.max(1, descriptors)));
            if (servers.contains(THREADS)) {
                caps.checkThreads(k, "--max-threads");
            }
        }
        Check.range("round trips per client", roundTrips, 1, MAX_ROUND_TRIPS);
        Check.range("message size (bytes)", messageBytes, 1, MAX_MESSAGE_BYTES);
        TimeLimit.check(timeLimit);
    }

    /** Every server at 10, 100 and 1000 clients, 20 round trips of 64 bytes each: a few seconds. */
    public static C10kConfig defaults() {
        return new C10kConfig(SERVERS, List.of(10, 100, 1_000), 20, 64, Caps.defaults(), Duration.ofSeconds(120));
    }

    public C10kConfig withServers(List<String> s) {
        return new C10kConfig(s, clients, roundTrips, messageBytes, caps, timeLimit);
    }

    public C10kConfig withClients(List<Integer> k) {
        return new C10kConfig(servers, k, roundTrips, messageBytes, caps, timeLimit);
    }

    public C10kConfig withRoundTrips(int r) {
        return new C10kConfig(servers, clients, r, messageBytes, caps, timeLimit);
    }

    public C10kConfig withMessageBytes(int s) {
        return new C10kConfig(servers, clients, roundTrips, s, caps, timeLimit);
    }

    public C10kConfig withCaps(Caps c) {
        return new C10kConfig(servers, clients, roundTrips, messageBytes, c, timeLimit);
    }

    public C10kConfig withTimeLimit(Duration limit) {
        return new C10kConfig(servers, clients, roundTrips, messageBytes, caps, limit);
    }

    /** This process's open-files soft limit (each client holds one socket here). */
    static long openFilesLimit() {
        for (String line : SystemFiles.lines("/proc/self/limits")) {
            if (line.startsWith("Max open files")) {
                String word = line.substring("Max open files".length()).trim().split("\\s+")[0];
                return word.equals("unlimited") ? Integer.MAX_VALUE : Long.parseLong(word);
            }
        }
        return 1024;
    }
}
