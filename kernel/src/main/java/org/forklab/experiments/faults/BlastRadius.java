package org.forklab.experiments.faults;

/** How far one worker's fault reached. */
public enum BlastRadius {
    /** Only the faulty worker was hurt. */
    ONE_WORKER,
    /** More than the faulty worker, but not all. */
    SOME_WORKERS,
    /** Every worker was hurt: the process that held them ended, or all were misled. */
    ALL_WORKERS
}
