package org.forklab.kernel.eval;

import java.util.List;

/** Java that did not compile; the lines point at the cell line and column. */
public final class CompileError extends CellError {
    private static final long serialVersionUID = 1L;

    CompileError(String message, List<String> lines) {
        super("CompileError", message, lines);
    }
}
