package org.forklab.experiments.nativeprobe;

/** The probe ran but failed (a refused argument, a failed system call, a time limit); one line plus its error output. */
public final class ProbeFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ProbeFailedException(String message) {
        super(message);
    }
}
