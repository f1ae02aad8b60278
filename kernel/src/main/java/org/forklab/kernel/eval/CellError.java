package org.forklab.kernel.eval;

import java.util.List;

/**
 * A failure to show the student as it is: a short name and the lines to print, never the kernel's
 * own stack trace.
 */
public abstract class CellError extends Exception {
    private static final long serialVersionUID = 1L;
    private final String errorName;
    private final List<String> lines;

    protected CellError(String errorName, String message, List<String> lines) {
        super(message, null, false, false);
        this.errorName = errorName;
        this.lines = List.copyOf(lines);
    }

    /** What the notebook shows as the error's name (ename). */
    public String errorName() {
        return errorName;
    }

    /** The lines the notebook shows (traceback), without trailing newlines. */
    public List<String> lines() {
        return lines;
    }
}
