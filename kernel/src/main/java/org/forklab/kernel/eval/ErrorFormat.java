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
        lines.add("Compile error at line " + lineNumber + ", column " + (column + 1) + ": " + messageLines[0]
                + hintFor(messageLines[0]));
        for (int i = 1; i < messageLines.length; i++) {
            if (messageLines[i].strip().equals("location: class")) {
                continue; // JShell's wrapper class has no name worth showing
            }
            lines.add("  " + messageLines[i].strip());
        }
        // A line of a generated file or a 50 KB literal is shown only around the error.
        int shownStart = lineStart;
        int shownEnd = lineEnd;
        if (lineEnd - lineStart > MAX_SHOWN_LINE) {
            shownStart = Math.max(lineStart, from - MAX_SHOWN_LINE / 2);
            shownEnd = Math.min(lineEnd, shownStart + MAX_SHOWN_LINE);
        }
        String before = shownStart > lineStart ? "…" : "";
        String after = shownEnd < lineEnd ? "…" : "";
        String gutter = String.format(Locale.ROOT, "%4d | ", lineNumber);
        lines.add(gutter + before + cell.substring(shownStart, shownEnd) + after);
        int caretLength = Math.max(1, Math.min(Math.min(to, lineEnd) - from, shownEnd - from));
        lines.add(" ".repeat(gutter.length() - 2) + "| " + " ".repeat(before.length())
                + leadingWhitespaceCopy(cell.substring(shownStart, from)) + "^".repeat(caretLength));
        return lines;
    }

    /** The most of a source line an error shows. */
    static final int MAX_SHOWN_LINE = 160;

    /** What to do about the class-file limits javac names but does not explain. */
    private static String hintFor(String message) {
        if (message.startsWith("code too large")) {
            return " (a method's bytecode is limited to 64 KB, and a cell's code and its array literals are"
                    + " compiled into one method: read large data from a file instead)";
        }
        if (message.startsWith("too many constants")) {
            return " (a class holds at most 65,535 constants: read large data from a file instead)";
        }
        return "";
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
        List<String> frames = new ArrayList<>();
        for (StackTraceElement frame : trimToCellFrames(e.getStackTrace())) {
            frames.add(describe(frame, snippetFirstLine));
        }
        for (String frame : collapseFrames(frames)) {
            lines.add(frame.startsWith("…") ? "\t" + frame : "\tat " + frame);
        }
        Throwable cause = e.getCause();
        if (cause != null && cause != e) {
            appendThrowable(lines, cause, "Caused by: ", snippetFirstLine);
        }
    }

    /** Longest cycle of frames that is collapsed (a calls b calls a: two). */
    private static final int MAX_CYCLE = 4;
    /** Frames shown at most, after collapsing; the rest are counted. */
    static final int MAX_FRAMES = 16;

    /**
     * Deep recursion fills a stack trace with the same frames (1,024 of them for a
     * StackOverflowError): a run of one frame, or of a short cycle, is shown once and counted.
     */
    static List<String> collapseFrames(List<String> frames) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < frames.size()) {
            int bestCycle = 0;
            int bestRepeats = 0;
            for (int cycle = 1; cycle <= MAX_CYCLE && i + 2 * cycle <= frames.size(); cycle++) {
                int repeats = 0;
                while (i + (repeats + 2) * cycle <= frames.size()
                        && frames.subList(i, i + cycle).equals(frames.subList(i + (repeats + 1) * cycle, i + (repeats + 2) * cycle))) {
                    repeats++;
                }
                if (repeats * cycle > bestRepeats * bestCycle) {
                    bestCycle = cycle;
                    bestRepeats = repeats;
                }
            }
            if (bestRepeats * bestCycle < 3) {
                out.add(frames.get(i));
                i++;
                continue;
            }
            out.addAll(frames.subList(i, i + bestCycle));
            out.add(repeatNote(frames.subList(i, i + bestCycle), bestRepeats));
            i += (bestRepeats + 1) * bestCycle;
        }
        if (out.size() > MAX_FRAMES) {
            int head = MAX_FRAMES - 4;
            List<String> capped = new ArrayList<>(out.subList(0, head));
            capped.add(String.format(Locale.ROOT, "… %,d more frames not shown", out.size() - head - 3));
            capped.addAll(out.subList(out.size() - 3, out.size()));
            return capped;
        }
        return out;
    }

    private static String repeatNote(List<String> cycle, int repeats) {
        String times = String.format(Locale.ROOT, "%,d more time%s", repeats, repeats == 1 ? "" : "s");
        if (cycle.size() == 1) {
            String frame = cycle.get(0);
            int paren = frame.indexOf(" (");
            String method = paren > 0 ? frame.substring(0, paren) : frame;
            return "… " + method + " called itself " + times;
        }
        return "… the " + cycle.size() + " frames above repeated " + times;
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
        String file = frame.getFileName();
        // JShell names a snippet's frames "#id"; a class it no longer maps keeps its own file name
        String id = file != null && file.startsWith("#") ? file.substring(1) : "";
        if (id.isEmpty()) {
            return method + " (an earlier cell)"; // a class whose snippet JShell no longer keeps (DeadSnippetPruner)
        }
        Integer first = snippetFirstLine.get(id);
        if (first != null && frame.getLineNumber() > 0) {
            return method + " (cell line " + (first + frame.getLineNumber()) + ")";
        }
        return method + " (earlier cell, snippet " + id
                + (frame.getLineNumber() > 0 ? " line " + frame.getLineNumber() : "") + ")";
    }
}
