package org.forklab.experiments.faults;

/**
 * How one worker ended.
 *
 * @param index  the worker's number
 * @param faulty whether it was the one with the fault (or the bug)
 * @param fate   completed, died of its own fault, or lost because its process ended
 * @param detail e.g. "java.lang.StackOverflowError" or "killed by SIGSEGV (11)"; empty if completed
 */
public record WorkerEnd(int index, boolean faulty, Fate fate, String detail) {

    public enum Fate {
        /** It reached the end of its work. */
        COMPLETED,
        /** Its own fault ended it (its thread, or its process). */
        DIED,
        /** It did nothing wrong but never finished: the process it lived in was ended by another. */
        LOST
    }
}
