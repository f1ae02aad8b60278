package org.forklab.experiments.ipc;

import org.forklab.experiments.core.Samples;

import java.util.Optional;

/**
 * One message size on one transport.
 *
 * @param size            payload bytes per message (byte transports add an 8-byte frame header)
 * @param latency         round trips (send, echo back) in ns per round trip
 * @param throughput      one-way streaming in MB/s (10^6 bytes per second), one value per batch;
 *                        null where the transport is measured by round trips only (the native rows)
 * @param bytesSent       payload bytes sent in the throughput batches
 * @param bytesAcknowledged payload bytes the peer reported receiving in those batches
 * @param echoIntact      whether one echoed message came back byte for byte identical
 */
public record SizePoint(int size, Samples latency, Samples throughput, long bytesSent, long bytesAcknowledged,
                        boolean echoIntact) {

    /** A size measured by round trips only; the native probe checks its own echo. */
    static SizePoint latencyOnly(int size, Samples latency) {
        return new SizePoint(size, latency, null, 0, 0, true);
    }

    public Optional<Samples> throughputIfMeasured() {
        return Optional.ofNullable(throughput);
    }
}
