package org.forklab.kernel.eval;

import jdk.jshell.EvalException;
import jdk.jshell.JShellException;
import jdk.jshell.UnresolvedReferenceException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Turns JShell diagnostics and exceptions into the lines a student reads. */
final class ErrorFormat {
    /** JShell puts every snippet in a class of this package; other frames are JShell's or the JDK's. */
    private static final String SNIPPET_PACKAGE = "REPL.";

    private ErrorFormat() {
    }

    /**
     * Lines for one compile diagnostic: the message, then the offending cell line with a caret
     * under [start, end) (both offsets in the cell).
     */
    static List<String> compileDiagnostic(String cell, String message, long start, long end) {
        List<String> lines = new ArrayList<>();
        int from = (int) Math.max(0, Math.min(start, cell.length()));
        int to = (int) Math.max(from + 1, Math.min(end, cell.length()));
        int lineStart = cell.lastIndexOf('\n', from - 1) + 1;
        int lineEnd = cell.indexOf('\n', from);
        if (lineEnd < 0) {
            lineEnd = cell.length();
        }
        int lineNumber = 1 + (int) cell.substring(0, lineStart).chars().filter(c -> c == '\n').count();
        int column = from - lineStart;
        String[] messageLines = message.split("\\R");
        lines.add("Compile error at line " + lineNumber + ", column " + (column + 1) + ": " + messageLines[0]);
        for (int i = 1; i < messageLines.length; i++) {
            if (messageLines[i].strip().equals("location: class")) {
                continue; // JShell's wrapper class has no name worth showing
            }
            lines.add("  " + messageLines[i].strip());
        }
        String gutter = String.format(Locale.ROOT, "%4d | ", lineNumber);
        lines.add(gutter + cell.substring(lineStart, lineEnd));
        int caretLength = Math.max(1, Math.min(to, lineEnd) - from);
        lines.add(" ".repeat(gutter.length() - 2) + "| " + leadingWhitespaceCopy(cell.substring(lineStart, from))
                + "^".repeat(caretLength));
        return lines;
    }

    /** Keeps tabs where the source line has them so the caret lines up. */
    private static String leadingWhitespaceCopy(String prefix) {
        StringBuilder pad = new StringBuilder(prefix.length());
        for (char c : prefix.toCharArray()) {
            pad.append(c == '\t' ? '\t' : ' ');
        }
        return pad.toString();
    }

    /** The exception, its message and the stack down to the cell's outermost frame, then its causes. */
    static RuntimeFailure runtimeFailure(JShellException e, Map<String, Integer> snippetFirstLine) {
        List<String> lines = new ArrayList<>();
        String className = exceptionClassName(e);
        if (className.equals(ExitRefusedException.class.getName())) {
            lines.add(e.getMessage()); // says all there is: where the stack leads is the student's own exit call
        } else {
            appendThrowable(lines, e, "", snippetFirstLine);
        }
        return new RuntimeFailure(className, String.valueOf(e.getMessage()), lines);
    }

    private static String exceptionClassName(Throwable e) {
        if (e instanceof EvalException) {
            return ((EvalException) e).getExceptionClassName();
        }
        if (e instanceof UnresolvedReferenceException) {
            return "UnresolvedReference";
        }
        return e.getClass().getName();
    }

    private static void appendThrowable(List<String> lines, Throwable e, String prefix,
                                        Map<String, Integer> snippetFirstLine) {
        if (e instanceof UnresolvedReferenceException) {
            lines.add(prefix + "Unresolved reference: " + ((UnresolvedReferenceException) e).getSnippet().source().strip()
                    + " uses something not yet defined");
            return;
        }
        String message = e.getMessage();
        lines.add(prefix + exceptionClassName(e) + (message == null ? "" : ": " + message));
        for (StackTraceElement frame : trimToCellFrames(e.getStackTrace())) {
            lines.add("\tat " + describe(frame, snippetFirstLine));
        }
        Throwable cause = e.getCause();
        if (cause != null && cause != e) {
            appendThrowable(lines, cause, "Caused by: ", snippetFirstLine);
        }
    }

    /** Keeps the frames down to the last one in a cell: below it only JShell's machinery runs. */
    static List<StackTraceElement> trimToCellFrames(StackTraceElement[] stack) {
        int last = -1;
        for (int i = 0; i < stack.length; i++) {
            if (isCellFrame(stack[i])) {
                last = i;
            }
        }
        if (last < 0) {
            return List.of(stack);
        }
        return List.of(stack).subList(0, last + 1);
    }

    /** JShell reports cell frames with an empty class name and the file "#id" of the snippet. */
    private static boolean isCellFrame(StackTraceElement frame) {
        String file = frame.getFileName();
        return frame.getClassName().startsWith(SNIPPET_PACKAGE)
                || (file != null && file.startsWith("#"));
    }

    private static String describe(StackTraceElement frame, Map<String, Integer> snippetFirstLine) {
        if (!isCellFrame(frame)) {
            return frame.toString();
        }
        String method = frame.getMethodName().isEmpty() || frame.getMethodName().equals("do_it$")
                ? "cell" : frame.getMethodName();
        String id = frame.getFileName() == null ? "" : frame.getFileName().substring(1);
        Integer first = snippetFirstLine.get(id);
        if (first != null && frame.getLineNumber() > 0) {
            return method + " (cell line " + (first + frame.getLineNumber()) + ")";
        }
        return method + " (earlier cell, snippet " + id
                + (frame.getLineNumber() > 0 ? " line " + frame.getLineNumber() : "") + ")";
    }
}
