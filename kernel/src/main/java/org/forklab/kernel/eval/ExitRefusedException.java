package org.forklab.kernel.eval;

/**
 * Thrown where a cell (or a class from a jar a cell added) calls {@code System.exit},
 * {@code Runtime.exit} or {@code Runtime.halt}, directly, through reflection or through a method
 * handle: those would end the kernel, not the cell.
 */
public final class ExitRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ExitRefusedException(String call, int status) {
        this(call + "(" + status + ")");
    }

    /** @param what the refused call as the student wrote it, e.g. "a method handle to System.exit" */
    ExitRefusedException(String what) {
        super(what + " was stopped: it would end the kernel; run violent code in a child process, e.g. %crash");
    }
}
