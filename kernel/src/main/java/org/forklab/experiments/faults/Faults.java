package org.forklab.experiments.faults;

import java.util.ArrayList;
import java.util.List;

/** The Java faults a worker can commit. Each is real: nothing is simulated or caught here. */
final class Faults {
    /** The status System.exit is called with, so the parent can tell it from other ends. */
    static final int EXIT_STATUS = 3;

    private Faults() {
    }

    static void inject(FaultKind kind, int worker) {
        switch (kind) {
            case EXCEPTION -> throw new IllegalStateException("fault injected into worker " + worker);
            case EXIT -> System.exit(EXIT_STATUS);
            case OUT_OF_MEMORY -> fillHeap();
            case STACK_OVERFLOW -> recurse(0);
            default -> throw new IllegalArgumentException(kind.word() + " is not a Java fault");
        }
    }

    /** Holds on to 1 MiB blocks until the heap is full; the error surfaces in this thread. */
    private static void fillHeap() {
        List<long[]> hoard = new ArrayList<>();
        while (true) {
            hoard.add(new long[128 * 1024]);
        }
    }

    private static int recurse(int depth) {
        // the addition after the call keeps it from being a tail call
        return recurse(depth + 1) + 1;
    }
}
