package org.forklab.experiments.scale;

import java.util.List;

/**
 * One kind of entity measured at every count.
 *
 * @param kind      the kind's word
 * @param mechanism what exactly was created and how it idles
 * @param points    one per count, in the order measured
 */
public record ScaleKind(String kind, String mechanism, List<ScalePoint> points) {
    public ScaleKind {
        points = List.copyOf(points);
    }
}
