package org.forklab.experiments.share;

import java.util.Optional;

/**
 * What one thread saw of itself.
 *
 * @param worker         its number
 * @param pid            the process id it reports (the same for every thread)
 * @param tid            its kernel thread id (not Java's Thread id)
 * @param stackPointer   its stack pointer inside a system call, from /proc/thread-self/syscall
 * @param programCounter its program counter there (the same libc instruction for every thread)
 * @param blockedSignals SigBlk: the signal mask, which is per thread
 * @param caughtSignals  SigCgt: signals with a handler, which is per process
 * @param uid            real, effective, saved and filesystem uid, which are per process
 * @param heapIdentity   identityHashCode of the one heap object all threads were handed
 */
public record ThreadObservation(int worker, long pid, long tid, Optional<String> stackPointer,
                                Optional<String> programCounter, String blockedSignals, String caughtSignals,
                                String uid, int heapIdentity) {
}
