package org.forklab.experiments.faults;

import java.util.List;

/**
 * One fault kind in one mode.
 *
 * @param kind           what went wrong
 * @param mode           threads in one process, or separate processes
 * @param mechanism      what ran the workers, e.g. "child JVM, 3 threads" or "native probe, 3 forked children"
 * @param faultyWorker   which worker had the fault
 * @param workers        how each worker ended, in index order
 * @param processes      how each sandbox process ended (one container in threads mode, W in processes mode)
 * @param wrongDecisions healthy workers that took the wrong branch (corruption; 0 otherwise)
 */
public record FaultOutcome(FaultKind kind, FaultMode mode, String mechanism, int faultyWorker,
                           List<WorkerEnd> workers, List<ProcessEnd> processes, int wrongDecisions) {

    public FaultOutcome {
        workers = List.copyOf(workers);
        processes = List.copyOf(processes);
    }

    /** The healthy workers as survived, died and corrupted (silently wrong), each counted once. */
    public HealthyEnds healthyEnds() {
        int healthy = (int) workers.stream().filter(w -> !w.faulty()).count();
        int completed = survivors();
        int corrupted = Math.min(wrongDecisions, completed);
        return new HealthyEnds(completed - corrupted, healthy - completed, corrupted);
    }

    /** Healthy workers that completed, right or (see {@link #healthyEnds()}) silently wrong. */
    public int survivors() {
        return (int) workers.stream().filter(w -> !w.faulty() && w.fate() == WorkerEnd.Fate.COMPLETED).count();
    }

    /** Workers hurt: those that did not complete, plus healthy ones misled into the wrong branch. */
    public int affectedWorkers() {
        int notCompleted = (int) workers.stream().filter(w -> w.fate() != WorkerEnd.Fate.COMPLETED).count();
        boolean faultyCompleted = workers.stream().anyMatch(w -> w.faulty() && w.fate() == WorkerEnd.Fate.COMPLETED);
        // a bug that completes (corruption) still counts as one hurt worker: its own work is wrong
        return notCompleted + wrongDecisions + (faultyCompleted && kind == FaultKind.CORRUPTION ? 1 : 0);
    }

    public BlastRadius blastRadius() {
        int hurt = affectedWorkers();
        return hurt <= 1 ? BlastRadius.ONE_WORKER : hurt >= workers.size() ? BlastRadius.ALL_WORKERS : BlastRadius.SOME_WORKERS;
    }

    /** Threads mode: the one process that held all workers; processes mode: the faulty worker's. */
    public ProcessEnd containerOrFaultyProcess() {
        return mode == FaultMode.THREADS ? processes.get(0) : processes.get(faultyWorker);
    }
}
