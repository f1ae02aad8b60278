package org.forklab.magics.c;

/** The compiler rejected a C cell; {@code diagnostics} is its report with the cell's lines and carets. */
public final class CompileError extends Exception {
    private static final long serialVersionUID = 1L;
    private final String diagnostics;
    private final int errors;
    private final int firstLine;

    public CompileError(String diagnostics, int errors, int firstLine) {
        super("the cell did not compile", null, false, false);
        this.diagnostics = diagnostics;
        this.errors = errors;
        this.firstLine = firstLine;
    }

    public String diagnostics() {
        return diagnostics;
    }

    public int errors() {
        return errors;
    }

    /** The cell line of the first error, 0 when the compiler named none (e.g. a link error). */
    public int firstLine() {
        return firstLine;
    }
}
