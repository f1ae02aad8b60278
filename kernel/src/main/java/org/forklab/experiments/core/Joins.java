package org.forklab.experiments.core;

/**
 * Joining threads on the way out of a run. A run that ends because it was interrupted still has
 * to wait for its own threads (else they outlive it), so the join must not itself give up on
 * the interrupt; the flag is restored afterwards for the caller.
 */
public final class Joins {
    private Joins() {
    }

    public static void uninterruptibly(Thread t) {
        boolean interrupted = false;
        while (true) {
            try {
                t.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
