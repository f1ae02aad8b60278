package org.forklab.experiments.faults;

import java.util.Arrays;

/**
 * State the workers share: slot 0 is a flag saying the configuration was verified, slots 1..W
 * hold each worker's result. The buggy worker was written as if the board were its own: when
 * it finishes, it clears the board for its next batch. In a process that is true and harmless;
 * among threads it wipes the flag the others trust. No exception, no crash: the others simply
 * take the wrong branch.
 */
final class Board {
    static final int VERIFIED = 1;
    private static final int RESULT = 7;

    private final int[] slots;

    Board(int workers) {
        slots = new int[workers + 1];
    }

    void markVerified() {
        slots[0] = VERIFIED;
    }

    /** A correct worker's write: its own slot only. */
    void report(int worker) {
        slots[worker + 1] = RESULT;
    }

    /** The buggy worker: reports, then "tidies up" a board it wrongly believes private. */
    void reportAndClearAsIfPrivate(int worker) {
        slots[worker + 1] = RESULT;
        Arrays.fill(slots, 0);
    }

    /** What a healthy worker decides on: proceed only if the configuration was verified. */
    boolean verified() {
        return slots[0] == VERIFIED;
    }
}
