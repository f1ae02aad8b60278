package org.forklab.kernel.protocol;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The signatures of the requests this kernel has taken, so that a validly signed message
 * captured and sent again is not run a second time (ipykernel keeps such a history too). Bounded:
 * past {@link #CAPACITY} the oldest are forgotten, a few MB at most.
 */
final class SeenSignatures {
    static final int CAPACITY = 1 << 16;

    private final int capacity;
    private final Map<String, Boolean> seen;

    SeenSignatures() {
        this(CAPACITY);
    }

    SeenSignatures(int capacity) {
        this.capacity = capacity;
        this.seen = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > SeenSignatures.this.capacity;
            }
        };
    }

    /**
     * True the first time a signature is offered, false for a repeat. An empty signature (a
     * connection without a key signs nothing) is always new: there is nothing to tell repeats by.
     */
    synchronized boolean firstTime(String signature) {
        if (signature.isEmpty()) {
            return true;
        }
        return seen.put(signature, Boolean.TRUE) == null;
    }
}
