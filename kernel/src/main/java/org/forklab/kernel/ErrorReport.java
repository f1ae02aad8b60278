package org.forklab.kernel;

import org.forklab.kernel.eval.CellError;
import org.forklab.spi.UsageError;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What a notebook shows for a failed cell: the error's name (ename), its message (evalue) and
 * the lines to print (traceback). Never the kernel's own stack: the student did not write it.
 */
public final class ErrorReport {
    private static final Logger LOG = Logger.getLogger(ErrorReport.class.getName());

    public final String name;
    public final String message;
    public final List<String> lines;

    private ErrorReport(String name, String message, List<String> lines) {
        this.name = name;
        this.message = message;
        this.lines = List.copyOf(lines);
    }

    public static ErrorReport of(Throwable e) {
        if (e instanceof CellError) {
            CellError error = (CellError) e;
            return new ErrorReport(error.errorName(), String.valueOf(error.getMessage()), error.lines());
        }
        String message = String.valueOf(e.getMessage());
        if (e instanceof UsageError) {
            // A magic was called wrongly: its message says what to do, as IPython's UsageError does.
            return new ErrorReport("UsageError", message, List.of(message));
        }
        if (e instanceof StackOverflowError) {
            // Not the cell's own (JShell reports that): the kernel's work for it went too deep.
            message = "the kernel's work on this cell nested too deeply (its stack overflowed); the cell did not finish";
        }
        // A magic's own failure, or a bug: one line for the student, the trace in the kernel's log.
        LOG.log(Level.WARNING, "cell failed", e);
        String name = e.getClass().getSimpleName();
        return new ErrorReport(name, message, List.of(name + ": " + message));
    }
}
