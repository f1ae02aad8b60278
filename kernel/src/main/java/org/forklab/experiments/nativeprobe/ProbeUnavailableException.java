package org.forklab.experiments.nativeprobe;

/** The native probe cannot run here; the message is the one-line reason from {@link NativeProbe#availability()}. */
public final class ProbeUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ProbeUnavailableException(String reason) {
        super(reason);
    }
}
