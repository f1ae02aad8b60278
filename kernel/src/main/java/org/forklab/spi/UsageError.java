package org.forklab.spi;

/**
 * A magic was called wrongly: unknown option, value out of range, bad experiment parameter.
 * Its message is one line (what was wrong, what is accepted, a suggestion); hosts show the
 * message alone, as IPython does for its UsageError, never a stack trace.
 */
public final class UsageError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UsageError(String oneLine) {
        super(oneLine, null, false, false);
    }

    /** What a host shows: the message alone, one line. */
    public java.util.List<String> lines() {
        return java.util.List.of(String.valueOf(getMessage()));
    }
}
