package org.forklab.kernel.eval;

import jdk.jshell.Diag;
import jdk.jshell.ExpressionSnippet;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;
import jdk.jshell.VarSnippet;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The one place that speaks JShell. Cells run in this JVM (JShell's local engine, so stop() ends
 * even a busy loop); state lives across cells; values come back as objects.
 *
 * <p>Thread use: {@link #stop()} may be called from any thread while another thread is inside
 * {@link #eval(String)}; every other method is serialised on this object.
 */
public final class JShellEvaluator implements AutoCloseable {
    /** Imports every cell starts with, as in the jshell tool's default start-up. */
    public static final List<String> DEFAULT_IMPORTS = List.of(
            "java.io.*", "java.math.*", "java.net.*", "java.nio.file.*", "java.util.*",
            "java.util.concurrent.*", "java.util.function.*", "java.util.regex.*", "java.util.stream.*");

    private final CellClassLoader loader;
    private final CellExecutionControl control;
    private final JShell shell;
    private final SourceCodeAnalysis analysis;
    /** Variable name to the wrapper class that holds it, to read a value as an object. */
    private final Map<String, String> variableHolders = new ConcurrentHashMap<>();
    /**
     * The $1, $2, … variables JShell makes for the values of expression cells, oldest first. Every
     * later snippet's wrapper imports each one that is still active, so a session of expression
     * cells grows by the square of their number: 1,000 cells ending in an expression kept 188 MB
     * live in a bare JShell, 40 MB with all but the last {@link #KEPT_VALUES} dropped.
     */
    private final java.util.ArrayDeque<VarSnippet> valueVariables = new java.util.ArrayDeque<>();
    /** How many of the latest cells' $N values stay usable. */
    public static final int KEPT_VALUES = 20;
    /** Snippet id to the cell line (0-based) it starts on, for the running cell's stack frames. */
    private final Map<String, Integer> snippetFirstLine = new ConcurrentHashMap<>();
    private volatile boolean stopRequested;
    private final HeapWatchdog heap = new HeapWatchdog(this::heapNearlyFull);
    /** Set when the running cell filled the heap; it then fails with one OutOfMemoryError line. */
    private volatile boolean outOfMemory;
    /** Variables the running cell declared: what is let go when it fills the heap. */
    private final List<String> cellVariables = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** Of those, the ones set to null so far. */
    private final List<String> freedVariables = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile String heapAtStop;
    /** Null where jdk.jshell is not open to the kernel: each snippet's wrapper is then kept whole. */
    private final WrapperSlimmer slimmer;
    /** Null where jdk.jshell is not open to the kernel: JShell then keeps every snippet of the session. */
    private final DeadSnippetPruner pruner;
    /** Re-added to the class path to give JShell a fresh compiler (see freshCompiler). */
    private final String resetEntry;

    /**
     * @param parent        the loader whose classes cells share (normally the kernel's)
     * @param classpath     entries the compiler must see (the kernel jar, so cells can name forklab classes)
     * @param staticImports classes whose static members cells may call unqualified (display, render)
     */
    public JShellEvaluator(ClassLoader parent, List<Path> classpath, List<String> staticImports) throws CellError {
        this.loader = new CellClassLoader(parent);
        this.control = new CellExecutionControl(new CellLoaderDelegate(loader), loader);
        this.control.onFailure(this::snippetFailed, heap::exhausted);
        this.shell = JShell.builder()
                .executionEngine(new CellExecutionControl.Provider(control), Map.of())
                .build();
        this.analysis = shell.sourceCodeAnalysis();
        this.slimmer = WrapperSlimmer.forShell(shell);
        this.pruner = DeadSnippetPruner.forShell(shell);
        for (Path entry : classpath) {
            shell.addToClasspath(entry.toString());
        }
        this.resetEntry = classpath.isEmpty() ? System.getProperty("java.io.tmpdir") : classpath.get(0).toString();
        for (String pkg : DEFAULT_IMPORTS) {
            eval("import " + pkg + ";");
        }
        for (String type : staticImports) {
            eval("import static " + type + ".*;");
        }
    }

    /** The cell's values and errors are read by now, so its finished snippets can go (DeadSnippetPruner). */
    private void forgetFinishedSnippets() {
        if (pruner == null) {
            return;
        }
        try {
            pruner.prune();
        } catch (OutOfMemoryError | StackOverflowError cellFilledTheHeap) {
            // The cell's own error says so; the snippets go after the next cell.
        }
    }

    /** Whether JShell's wrappers of past snippets are slimmed ({@link WrapperSlimmer}). */
    boolean slimsWrappers() {
        return slimmer != null && pruner != null;
    }

    /** The loader cells' classes and added jars live in; extensions are looked up through it. */
    public ClassLoader classLoader() {
        return loader;
    }

    /** Makes a jar or class directory visible to the compiler and to running cells. */
    public synchronized void addToClasspath(Path entry) {
        shell.addToClasspath(entry.toAbsolutePath().toString());
    }

    /**
     * Runs every snippet of the cell in order and returns the value of the last one.
     *
     * @throws CompileError    a snippet did not compile (nothing after it ran)
     * @throws RuntimeFailure  a snippet threw
     * @throws Interrupted     {@link #stop()} ended the cell
     */
    public synchronized CellValue eval(String cell) throws CellError {
        String oversize = ClassFileLimits.oversizeStringLiteral(cell);
        if (oversize != null) {
            throw new CompileError(oversize, List.of("Compile error: " + oversize));
        }
        if (Thread.currentThread() == cellThread) {
            return evalHere(cell); // a cell that declares a variable through the kernel (bind)
        }
        return onCellThread(() -> {
            try {
                return evalHere(cell);
            } finally {
                forgetFinishedSnippets();
            }
        });
    }

    /**
     * javac walks a nested expression recursively: 2,500 nested parentheses overflowed the 1 MB
     * stack of the kernel's shell thread. So each cell is compiled (and started) on a thread of its
     * own with a large stack; its pages are touched only as deep as a compile goes and are given
     * back when the thread ends.
     */
    static final long CELL_STACK_BYTES = 512L << 20;

    private interface CellWork {
        CellValue run() throws CellError;
    }

    private volatile Thread cellThread;

    private CellValue onCellThread(CellWork work) throws CellError {
        Object[] outcome = new Object[1];
        Thread thread = new Thread(null, () -> {
            try {
                outcome[0] = work.run();
            } catch (Throwable e) {
                outcome[0] = e;
            }
        }, "forklab-cell", CELL_STACK_BYTES);
        thread.setDaemon(true);
        cellThread = thread;
        thread.start();
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true; // the kernel's interrupt: stop the cell, then wait for it to end
                stop();
            }
        }
        cellThread = null;
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        Object result = outcome[0];
        if (result instanceof CellValue) {
            return (CellValue) result;
        }
        if (result instanceof CellError) {
            throw (CellError) result;
        }
        if (result instanceof OutOfMemoryError || outOfMemory) {
            snippetFailed(new OutOfMemoryError());
            throw outOfMemoryError();
        }
        if (result instanceof StackOverflowError) {
            String why = "the cell could not be compiled: it nests too deeply for the compiler (its stack overflowed);"
                    + " split the expression into smaller parts";
            throw new CompileError(why, List.of("Compile error: " + why));
        }
        if (result instanceof Error) {
            throw (Error) result;
        }
        if (result instanceof RuntimeException) {
            Throwable failure = (RuntimeException) result;
            String why = "the cell could not be compiled: JShell failed with " + failure.getClass().getSimpleName()
                    + (failure.getMessage() == null ? "" : ": " + failure.getMessage().split("\\R")[0]);
            throw new CompileError(why, List.of("Compile error: " + why));
        }
        return CellValue.none();
    }

    private CellValue evalHere(String cell) throws CellError {
        heap.rearm();
        outOfMemory = false;
        heapAtStop = null;
        cellVariables.clear();
        freedVariables.clear();
        stopRequested = false;
        control.clearStop();
        snippetFirstLine.clear();
        Thread current = Thread.currentThread();
        ClassLoader previous = current.getContextClassLoader();
        // Threads the cell starts inherit this, so ServiceLoader in a cell sees added jars.
        current.setContextClassLoader(loader);
        try {
            CellValue last = CellValue.none();
            String remaining = cell;
            int consumed = 0;
            while (!remaining.isBlank()) {
                CompletionInfo info = analysis.analyzeCompletion(remaining);
                String source;
                String rest;
                if (info.completeness().isComplete()) {
                    source = info.source();
                    rest = info.remaining();
                } else {
                    // Incomplete: hand JShell everything so its diagnostic says what is missing.
                    source = remaining;
                    rest = "";
                }
                if (source == null || source.isBlank()) {
                    break;
                }
                int offset = consumed + locate(remaining, source);
                // JShell numbers a snippet's lines from its first non-blank one.
                String stripped = source.stripLeading();
                offset += source.length() - stripped.length();
                last = evalSnippet(cell, offset, stripped);
                if (info.completeness() == SourceCodeAnalysis.Completeness.COMPLETE && stripped.strip().endsWith(";")) {
                    last = CellValue.none(); // as in IPython, a trailing ';' hides the value
                }
                consumed += remaining.length() - rest.length();
                if (rest.length() >= remaining.length()) {
                    break;
                }
                remaining = rest;
            }
            return last;
        } finally {
            current.setContextClassLoader(previous);
        }
    }

    private CellValue evalSnippet(String cell, int offset, String source) throws CellError {
        if (stopRequested) {
            throw new Interrupted("the cell was stopped.");
        }
        control.takeLastInvokedClass();
        List<SnippetEvent> events = shell.eval(source);
        String wrapper = control.takeLastInvokedClass();
        if (slimmer != null) {
            for (SnippetEvent event : events) {
                slimmer.slim(event.snippet());
            }
        }
        CellValue value = CellValue.none();
        for (SnippetEvent event : events) {
            if (event.causeSnippet() != null) {
                continue; // another snippet updated as a consequence; not this cell's result
            }
            Snippet snippet = event.snippet();
            snippetFirstLine.put(snippet.id(), lineOf(cell, offset));
            if (event.status() == Snippet.Status.REJECTED) {
                throw compileError(cell, offset, snippet);
            }
            if (outOfMemory) {
                throw outOfMemoryError();
            }
            if (stopRequested) {
                throw new Interrupted("the cell was stopped.");
            }
            if (event.exception() != null) {
                throw ErrorFormat.runtimeFailure(event.exception(), snippetFirstLine);
            }
            if (event.status() == Snippet.Status.RECOVERABLE_DEFINED
                    || event.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
                if (shell.diagnostics(snippet).anyMatch(Diag::isError)) {
                    // Not a missing name but a class-file limit (code too large, too many
                    // constants): JShell would keep the snippet waiting and recompile it with
                    // every later one. It is dropped, and the cell fails in one error.
                    CompileError error = compileError(cell, offset, snippet);
                    shell.drop(snippet);
                    freshCompiler();
                    throw error;
                }
                noteUnresolved(snippet);
            }
            if (snippet instanceof VarSnippet && wrapper != null) {
                variableHolders.put(((VarSnippet) snippet).name(), wrapper);
                cellVariables.add(((VarSnippet) snippet).name());
            }
            value = valueOf(event, snippet, wrapper);
            if (snippet.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND
                    && event.status() == Snippet.Status.VALID) {
                keepValue((VarSnippet) snippet);
            }
        }
        if (stopRequested) {
            throw new Interrupted("the cell was stopped.");
        }
        return value;
    }

    /** Drops the oldest $N value variables beyond {@link #KEPT_VALUES}; the value shown is already read. */
    private void keepValue(VarSnippet latest) {
        valueVariables.addLast(latest);
        while (valueVariables.size() > KEPT_VALUES) {
            VarSnippet old = valueVariables.removeFirst();
            if (shell.status(old).isActive()) {
                shell.drop(old);
            }
            variableHolders.remove(old.name());
        }
    }

    /**
     * After a class-file limit, JShell's reused javac context stays broken: every later snippet
     * failed with the same "too many constants" or "too long for the constant pool" (JDK 17 and
     * 25), so every later cell would have declared nothing. Adding a class-path entry makes JShell
     * build a new compiler pool; the entry is one cells already compile against, so nothing changes.
     */
    private void freshCompiler() {
        shell.addToClasspath(resetEntry);
    }

    private void noteUnresolved(Snippet snippet) {
        if (snippet instanceof jdk.jshell.DeclarationSnippet) {
            String missing = shell.unresolvedDependencies((jdk.jshell.DeclarationSnippet) snippet)
                    .collect(Collectors.joining(", "));
            if (!missing.isEmpty()) {
                System.err.println("note: defined, but usable only once " + missing + " exist(s)");
            }
        }
    }

    private CellValue valueOf(SnippetEvent event, Snippet snippet, String wrapper) {
        String variable = null;
        String holder = null;
        if (snippet.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND) {
            variable = ((VarSnippet) snippet).name();
            holder = wrapper;
        } else if (snippet.kind() == Snippet.Kind.EXPRESSION) {
            variable = ((ExpressionSnippet) snippet).name();
            holder = variableHolders.get(variable);
        }
        if (variable == null) {
            return CellValue.none();
        }
        if (holder != null) {
            try {
                Field field = control.loadedClass(holder).getDeclaredField(variable);
                field.setAccessible(true);
                return CellValue.of(field.get(null));
            } catch (ReflectiveOperationException | RuntimeException e) {
                // Fall back to JShell's own rendering of the value below.
            }
        }
        return CellValue.of(event.value());
    }

    private CompileError compileError(String cell, int offset, Snippet snippet) {
        List<String> lines = new ArrayList<>();
        String first = null;
        for (Diag diag : (Iterable<Diag>) shell.diagnostics(snippet)::iterator) {
            if (!diag.isError()) {
                continue;
            }
            String message = diag.getMessage(Locale.ROOT);
            if (first == null) {
                first = message.split("\\R")[0];
            }
            lines.addAll(ErrorFormat.compileDiagnostic(cell, message,
                    offset + diag.getStartPosition(), offset + diag.getEndPosition()));
        }
        if (first == null) {
            String source = snippet.source().strip();
            int end = source.indexOf('\n');
            // The first line only: a snippet may be most of a loaded file.
            String shown = end < 0 && source.length() <= ErrorFormat.MAX_SHOWN_LINE ? source
                    : source.substring(0, Math.min(end < 0 ? source.length() : end, ErrorFormat.MAX_SHOWN_LINE)) + " …";
            first = "this snippet is not valid Java: " + shown;
            lines.add("Compile error: " + first);
        }
        return new CompileError(first, lines);
    }

    private static int lineOf(String cell, int offset) {
        int lines = 0;
        for (int i = 0; i < offset && i < cell.length(); i++) {
            if (cell.charAt(i) == '\n') {
                lines++;
            }
        }
        return lines;
    }

    /** Where the snippet JShell cut out of {@code remaining} starts (JShell may add a ';'). */
    static int locate(String remaining, String source) {
        int at = remaining.indexOf(source);
        if (at < 0 && source.endsWith(";")) {
            at = remaining.indexOf(source.substring(0, source.length() - 1));
        }
        return Math.max(at, 0);
    }

    /** The heap watchdog's call: the running cell is filling the heap. */
    private void heapNearlyFull() {
        if (cellThread != null) {
            outOfMemory = true;
            stop(); // first: the figures below allocate, and the heap may be full
            if (heapAtStop == null) {
                heapAtStop = HeapWatchdog.heapFigures();
            }
        }
    }

    /** On the thread that ran the snippet, before JShell or the kernel allocate anything more. */
    private void snippetFailed(Throwable failure) {
        while (failure instanceof java.lang.reflect.InvocationTargetException && failure.getCause() != null) {
            failure = failure.getCause(); // how JDK 17's engine hands on what the snippet threw
        }
        boolean heapFull = outOfMemory || failure instanceof OutOfMemoryError
                || (failure instanceof jdk.jshell.spi.ExecutionControl.UserException
                && OutOfMemoryError.class.getName().equals(
                        ((jdk.jshell.spi.ExecutionControl.UserException) failure).causeExceptionClass()));
        if (!heapFull) {
            return;
        }
        heap.releaseReserve();
        if (heapAtStop == null) {
            heapAtStop = HeapWatchdog.heapFigures();
        }
        outOfMemory = true;
        for (String name : cellVariables) {
            if (freedVariables.contains(name)) {
                continue;
            }
            try {
                Field field = control.loadedClass(variableHolders.get(name)).getDeclaredField(name);
                if (!field.getType().isPrimitive()) {
                    field.setAccessible(true);
                    field.set(null, null);
                    freedVariables.add(name);
                }
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                // A variable that cannot be cleared keeps its value; the message says which were.
            }
        }
        System.gc(); // once, so the memory is free (and the reserve can come back) before the next cell
    }

    private CellError outOfMemoryError() {
        String freed = freedVariables.isEmpty()
                ? "nothing it declared still holds the memory"
                : "to give the memory back, " + (freedVariables.size() == 1 ? "its variable " : "its variables ")
                + String.join(", ", freedVariables) + (freedVariables.size() == 1 ? " was" : " were") + " set to null";
        String message = "the cell filled the kernel's heap (" + (heapAtStop == null ? HeapWatchdog.heapFigures() : heapAtStop)
                + " in use when it was stopped); " + freed
                + ". Use less memory, or give the kernel more (install it with --jvm-option=-Xmx4g)";
        return new RuntimeFailure(OutOfMemoryError.class.getName(), message, List.of("OutOfMemoryError: " + message));
    }

    /** The names of the cells' variables, for magics that read them ({@code ${name}}). */
    public synchronized Set<String> variableNames() {
        return shell.variables().map(VarSnippet::name).filter(variableHolders::containsKey)
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    /** The current value of the cells' variable {@code name}, one of {@link #variableNames()}. */
    public synchronized Object variableValue(String name) {
        try {
            Field field = control.loadedClass(variableHolders.get(name)).getDeclaredField(name);
            field.setAccessible(true);
            return field.get(null);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cannot read the variable " + name + ": " + e, e);
        }
    }

    /** Asks the running cell to stop; safe from any thread. */
    public void stop() {
        stopRequested = true;
        control.requestStop();
        shell.stop();
    }

    /**
     * Declares {@code name} in later cells with the most specific type a cell can name, holding
     * the value the {@code initializer} expression yields.
     */
    public synchronized void declareVariable(String name, Class<?> type, String initializer) throws CellError {
        eval(nameableType(type) + " " + name + " = " + initializer + ";");
    }

    /** The type's source name if a cell can see it, else its closest visible supertype. */
    String nameableType(Class<?> type) {
        if (type.isPrimitive()) {
            return type.getName();
        }
        if (type.isArray()) {
            String component = nameableType(type.getComponentType());
            return component.equals("Object") && !type.getComponentType().equals(Object.class)
                    ? "Object" : component + "[]";
        }
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (visibleToCells(c)) {
                return c.getCanonicalName();
            }
            for (Class<?> face : c.getInterfaces()) {
                if (visibleToCells(face)) {
                    return face.getCanonicalName();
                }
            }
        }
        return "Object";
    }

    private boolean visibleToCells(Class<?> type) {
        if (type.getCanonicalName() == null) {
            return false;
        }
        for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
            if (!Modifier.isPublic(c.getModifiers())) {
                return false;
            }
        }
        try {
            return Class.forName(type.getName(), false, loader) == type;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Completion for the snippet under the cursor. */
    public synchronized Completion complete(String cell, int cursor) {
        int start = snippetStart(cell, cursor);
        int[] anchor = new int[1];
        List<SourceCodeAnalysis.Suggestion> suggestions =
                analysis.completionSuggestions(cell.substring(start), cursor - start, anchor);
        Set<String> matches = new LinkedHashSet<>();
        suggestions.stream().filter(SourceCodeAnalysis.Suggestion::matchesType)
                .forEach(s -> matches.add(s.continuation()));
        suggestions.forEach(s -> matches.add(s.continuation()));
        return new Completion(new ArrayList<>(matches), start + anchor[0], cursor);
    }

    /** Signatures and javadoc of the element at the cursor; empty when there is none. */
    public synchronized List<String> documentation(String cell, int cursor) {
        int start = snippetStart(cell, cursor);
        String snippet = cell.substring(start);
        int at = cursor - start;
        List<SourceCodeAnalysis.Documentation> docs = analysis.documentation(snippet, at, true);
        if (docs.isEmpty()) {
            // "Math.max" with the cursor after the name: ask as if the call had begun.
            docs = analysis.documentation(snippet.substring(0, at) + "(" + snippet.substring(at), at + 1, true);
        }
        List<String> texts = new ArrayList<>();
        for (SourceCodeAnalysis.Documentation doc : docs) {
            String javadoc = doc.javadoc();
            texts.add(javadoc == null || javadoc.isBlank() ? doc.signature() : doc.signature() + "\n\n" + javadoc.strip());
        }
        return texts;
    }

    /** Whether the cell could run as it is, and if not, the indent its next line wants. */
    public synchronized Completeness completeness(String cell) {
        String remaining = cell;
        while (true) {
            if (remaining.isBlank()) {
                return Completeness.complete();
            }
            CompletionInfo info = analysis.analyzeCompletion(remaining);
            switch (info.completeness()) {
                case COMPLETE:
                case COMPLETE_WITH_SEMI:
                    if (info.remaining().length() >= remaining.length()) {
                        return Completeness.complete();
                    }
                    remaining = info.remaining();
                    break;
                case EMPTY:
                    return Completeness.complete();
                case DEFINITELY_INCOMPLETE:
                case CONSIDERED_INCOMPLETE:
                    return Completeness.incomplete("    ".repeat(Math.max(1, openBrackets(remaining))));
                default:
                    return Completeness.invalid();
            }
        }
    }

    /** Brackets left open, ignoring those in string or char literals and line comments. */
    static int openBrackets(String code) {
        int depth = 0;
        char quote = 0;
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '/' && i + 1 < code.length() && code.charAt(i + 1) == '/') {
                int end = code.indexOf('\n', i);
                i = end < 0 ? code.length() : end;
            } else if (c == '{' || c == '(' || c == '[') {
                depth++;
            } else if (c == '}' || c == ')' || c == ']') {
                depth = Math.max(0, depth - 1);
            }
        }
        return depth;
    }

    /** Start of the snippet containing {@code cursor}: JShell analyses one snippet at a time. */
    private int snippetStart(String cell, int cursor) {
        String prefix = cell.substring(0, Math.min(cursor, cell.length()));
        int start = 0;
        String remaining = prefix;
        while (!remaining.isBlank()) {
            CompletionInfo info = analysis.analyzeCompletion(remaining);
            if (!info.completeness().isComplete() || info.remaining().isBlank()
                    || info.remaining().length() >= remaining.length()) {
                break;
            }
            start += remaining.length() - info.remaining().length();
            remaining = info.remaining();
        }
        return start;
    }

    @Override
    public void close() {
        heap.close();
        stop();
        synchronized (this) {
            shell.close();
        }
        try {
            loader.close();
        } catch (java.io.IOException e) {
            // The loader only holds jar handles; the process is ending anyway.
        }
    }
}
