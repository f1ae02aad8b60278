package org.forklab.experiments.faults;

/**
 * How the healthy workers of one run ended, in three categories that do not overlap: a worker
 * misled by another's corruption completes, yet its work is wrong, so it is not a survivor.
 *
 * @param survived  completed with the right result
 * @param died      never completed: ended by its process, or lost with the process another ended
 * @param corrupted completed, silently wrong (took the branch the corrupted value pointed to)
 */
public record HealthyEnds(int survived, int died, int corrupted) {

    public HealthyEnds {
        if (survived < 0 || died < 0 || corrupted < 0) {
            throw new IllegalArgumentException("worker counts cannot be negative: " + survived + ", " + died + ", " + corrupted);
        }
    }

    public int total() {
        return survived + died + corrupted;
    }
}
