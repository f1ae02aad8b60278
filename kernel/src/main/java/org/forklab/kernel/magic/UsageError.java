package org.forklab.kernel.magic;

import org.forklab.kernel.eval.CellError;

import java.util.List;

/** Bad input to a magic: one line saying what was wrong and what to try, never a stack trace. */
public final class UsageError extends CellError {
    private static final long serialVersionUID = 1L;

    public UsageError(String line) {
        super("UsageError", line, List.of(line));
    }
}
