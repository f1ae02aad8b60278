package org.forklab.experiments.ipc;

import org.forklab.experiments.core.Samples;

import java.util.Comparator;
import java.util.List;

/**
 * @param transport the transport's word
 * @param placement where the two ends ran: a {@link org.forklab.experiments.switching.Placement} word
 * @param mechanism what exactly carried the messages (for the settings and the notebook)
 * @param points    one per message size, in the order measured
 */
public record TransportResult(String transport, String placement, String mechanism, List<SizePoint> points) {
    public TransportResult {
        points = List.copyOf(points);
    }

    /** One-way latency (round trip / 2) of the smallest message, as the claims speak of one-way times. */
    public Samples oneWaySmallest() {
        SizePoint p = points.stream().min(Comparator.comparingInt(SizePoint::size))
                .orElseThrow(() -> new IllegalStateException(transport + " has no sizes measured"));
        double[] v = p.latency().values();
        for (int i = 0; i < v.length; i++) {
            v[i] /= 2;
        }
        return new Samples(transport + ", " + placement + ", " + IpcExperiment.sizeLabel(p.size()) + " one way (round trip / 2)",
                p.latency().unit(), v, new double[0], p.latency().opsPerSample());
    }
}
