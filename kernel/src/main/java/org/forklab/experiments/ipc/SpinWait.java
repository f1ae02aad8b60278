package org.forklab.experiments.ipc;

import java.io.IOException;

/**
 * How one side waits for the other to move a word in memory both see, when the wait is a spin:
 * it reads in a loop with the CPU's pause hint ({@link Thread#onSpinWait}). Every 1,024 rounds
 * it yields its CPU, so that a peer pinned to the same CPU gets to run at all (there a spin can
 * only end when the waiter gives way), and every 4,096 rounds it asks its {@link Liveness}, so a
 * dead peer, the run's time limit or an interrupt (the kernel's stop button) ends the wait. It
 * never sleeps: the time it shows is the hand-off itself, not a sleep's length.
 */
final class SpinWait {
    private static final int YIELD_EVERY = 1_024;
    private static final int CHECK_EVERY = 4_096;

    private int rounds;

    void reset() {
        rounds = 0;
    }

    void pause(Liveness liveness) throws IOException, InterruptedException {
        rounds++;
        if ((rounds & (CHECK_EVERY - 1)) == 0) {
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted while spinning");
            }
            liveness.check();
        }
        if ((rounds & (YIELD_EVERY - 1)) == 0) {
            Thread.yield();
        } else {
            Thread.onSpinWait();
        }
    }
}
