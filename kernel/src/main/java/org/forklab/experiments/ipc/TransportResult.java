package org.forklab.experiments.ipc;

import java.util.List;

/**
 * @param transport the transport's word
 * @param mechanism what exactly carried the messages (for the settings and the notebook)
 * @param points    one per message size, in the order measured
 */
public record TransportResult(String transport, String mechanism, List<SizePoint> points) {
    public TransportResult {
        points = List.copyOf(points);
    }
}
