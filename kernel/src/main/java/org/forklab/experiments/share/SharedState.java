package org.forklab.experiments.share;

import java.util.concurrent.atomic.AtomicReference;

/**
 * A global and a heap object, as every JVM that loads forklab has them. Threads of one JVM see
 * one copy; a child JVM loads the class afresh and sees only its own.
 */
final class SharedState {
    /** What a fresh JVM finds in {@link #HEAP}. */
    static final String INITIAL = "as initialised";

    static volatile long global;
    static final AtomicReference<String> HEAP = new AtomicReference<>(INITIAL);

    private SharedState() {
    }
}
