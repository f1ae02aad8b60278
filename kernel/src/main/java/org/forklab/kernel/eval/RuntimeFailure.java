package org.forklab.kernel.eval;

import java.util.List;

/** An exception thrown by the cell's code; the lines hold its stack trimmed to the cell's frames. */
public final class RuntimeFailure extends CellError {
    private static final long serialVersionUID = 1L;
    private final String exceptionClass;

    RuntimeFailure(String exceptionClass, String message, List<String> lines) {
        super(simpleName(exceptionClass), message, lines);
        this.exceptionClass = exceptionClass;
    }

    /** "java.lang.ArithmeticException" to "ArithmeticException"; a cell's "REPL.$JShell$12$Oops" to "Oops". */
    static String simpleName(String className) {
        return className.substring(Math.max(className.lastIndexOf('.'), className.lastIndexOf('$')) + 1);
    }

    /** Fully qualified name of the exception the cell threw. */
    public String exceptionClass() {
        return exceptionClass;
    }
}
