package org.forklab.experiments.ipc;

import java.io.IOException;
import java.util.concurrent.locks.LockSupport;

/**
 * How a process waits for another one to move a counter in shared memory. There is no
 * process-shared condition variable in Java (that would take a futex from native code), so a
 * waiter polls: first it spins (a few tens of microseconds, the fast path when the peer is
 * running on the other CPU), then it yields its CPU (the peer may need it: this machine has
 * two), then it parks 50 µs at a time so an idle waiter costs almost nothing. Each wait asks
 * its {@link Liveness} every few thousand rounds, so a dead peer or an interrupt ends it.
 */
final class SpinWait {
    private static final int SPINS = 2_000;
    private static final int YIELDS = 2_000;
    private static final int CHECK_EVERY = 4_096;

    private int rounds;

    void reset() {
        rounds = 0;
    }

    void pause(Liveness liveness) throws IOException, InterruptedException {
        rounds++;
        if ((rounds & (CHECK_EVERY - 1)) == 0) {
            liveness.check();
        }
        if (rounds < SPINS) {
            Thread.onSpinWait();
        } else if (rounds < SPINS + YIELDS) {
            Thread.yield();
        } else {
            liveness.check();
            LockSupport.parkNanos(50_000);
        }
    }
}
