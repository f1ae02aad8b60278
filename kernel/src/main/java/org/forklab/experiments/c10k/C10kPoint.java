package org.forklab.experiments.c10k;

import org.forklab.experiments.core.Samples;

/**
 * One server holding {@code clients} connections.
 *
 * @param server          the server's word
 * @param clients         connections open at once
 * @param roundTripsDone  echo round trips completed in the load phase (clients × round trips when all went well)
 * @param bytesSent       bytes the clients wrote in the load phase
 * @param bytesReceived   bytes they read back
 * @param mismatches      round trips whose echo differed from what was sent
 * @param elapsedNanos    the load phase, all clients at once, first write to last read
 * @param latency         one value per round trip (or an even subsample of them), ns
 * @param idle            the server before any client connected
 * @param held            the server holding every connection, each having made one round trip
 * @param loaded          the server right after the load phase, connections still open
 */
public record C10kPoint(String server, int clients, long roundTripsDone, long bytesSent, long bytesReceived,
                        long mismatches, long elapsedNanos, Samples latency, ServerMemory idle, ServerMemory held,
                        ServerMemory loaded) {

    /**
     * What each held connection cost the server in resident memory: RSS holding them all less
     * RSS before the first, over the connections; NaN without connections.
     */
    public double rssPerConnectionBytes() {
        return clients > 0 ? (double) (held.rssBytes() - idle.rssBytes()) / clients : Double.NaN;
    }

    public double roundTripsPerSecond() {
        return elapsedNanos > 0 ? roundTripsDone * 1e9 / elapsedNanos : 0;
    }
}
