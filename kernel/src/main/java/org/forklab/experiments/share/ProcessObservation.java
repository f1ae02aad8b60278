package org.forklab.experiments.share;

import java.util.Optional;

/**
 * What one child process saw of itself (a child JVM running {@link ShareChildMain}).
 *
 * @param worker         its number
 * @param pid            its own process id
 * @param tid            the kernel thread id of its main thread
 * @param stackPointer   its main thread's stack pointer inside a system call
 * @param programCounter its program counter there
 * @param caughtSignals  SigCgt of its own signal table
 * @param uid            its own credentials (inherited values, its own copy)
 * @param heapSeen       what its copy of the heap object held: never the parent's write
 * @param globalSeen     its copy of the global before it wrote: never the parent's value
 * @param globalWritten  what it wrote into its copy
 * @param descriptor     the descriptor number it opened on its file (absent from the parent)
 */
public record ProcessObservation(int worker, long pid, long tid, Optional<String> stackPointer,
                                 Optional<String> programCounter, String caughtSignals, String uid, String heapSeen,
                                 long globalSeen, long globalWritten, int descriptor) {
}
