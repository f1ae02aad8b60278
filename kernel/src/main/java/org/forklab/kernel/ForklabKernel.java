package org.forklab.kernel;

import io.github.spencerpark.jupyter.channels.JupyterConnection;
import io.github.spencerpark.jupyter.kernel.BaseKernel;
import io.github.spencerpark.jupyter.messages.MessageType;
import io.github.spencerpark.jupyter.kernel.LanguageInfo;
import io.github.spencerpark.jupyter.kernel.ReplacementOptions;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import io.github.spencerpark.jupyter.kernel.history.HistoryManager;
import io.github.spencerpark.jupyter.kernel.magic.CellMagicArgs;
import io.github.spencerpark.jupyter.kernel.magic.LineMagicArgs;
import io.github.spencerpark.jupyter.kernel.magic.registry.Magics;
import io.github.spencerpark.jupyter.kernel.magic.registry.UndefinedMagicException;
import org.forklab.kernel.eval.CellError;
import org.forklab.kernel.eval.CellValue;
import org.forklab.kernel.eval.Completeness;
import org.forklab.kernel.eval.Completion;
import org.forklab.kernel.eval.Interrupted;
import org.forklab.kernel.eval.JShellEvaluator;
import org.forklab.kernel.magic.BuiltinMagics;
import org.forklab.kernel.magic.OptionWordCompletion;
import org.forklab.kernel.magic.PicocliMagic;
import org.forklab.kernel.magic.MagicHost;
import org.forklab.kernel.magic.MagicRegistry;
import org.forklab.kernel.magic.MagicParameters;
import org.forklab.kernel.magic.ParsedCell;
import org.forklab.spi.UsageError;
import org.forklab.kernel.protocol.ExecuteRequestHandler;
import org.forklab.kernel.protocol.HistoryRequestHandler;
import org.forklab.kernel.protocol.KernelInfoReplyWithStatus;
import org.forklab.spi.ExtensionContext;
import org.forklab.spi.Results;

import javax.lang.model.SourceVersion;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Set;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The Jupyter side of forklab: protocol hooks on basekernel, magics, extensions and interrupts.
 * Java itself is the {@link JShellEvaluator}'s business.
 *
 * <p>Start-up does no real work: JShell is built on a background thread right after the
 * connection opens, and the first Java cell waits for it.
 */
public final class ForklabKernel extends BaseKernel implements ExtensionContext, MagicHost {
    private static final Logger LOG = Logger.getLogger(ForklabKernel.class.getName());
    /** Enough for picocli's parsing to leave the interpreter (see BuiltinMagics.warmUp). */
    static final int MAGIC_WARM_UP_ROUNDS = 8;

    private final MagicRegistry magics = new MagicRegistry();
    private final CellHistory history = new CellHistory();
    private final ChildProcessGuard children = new ChildProcessGuard();
    private final ExtensionLoader extensions = new ExtensionLoader(this);
    private final LanguageInfo languageInfo;
    private final List<Path> classpath;
    private volatile CompletableFuture<Void> magicsReady;
    /** Set once magicsReady completes. */
    private volatile List<PicocliMagic.Reused> builtinMagics = List.of();
    private volatile CompletableFuture<JShellEvaluator> evaluator;
    /** The thread running a magic or waiting for JShell: an interrupt may Thread.interrupt it. */
    private volatile Thread interruptible;
    /** Set by the kernel process only (tests run cells back to back and need no collection between). */
    private volatile IdleCollector idleCollector;

    public ForklabKernel() {
        this(kernelClasspath());
    }

    /** @param classpath what cells compile against: the kernel jar, or the test classpath. */
    public ForklabKernel(List<Path> classpath) {
        this.classpath = List.copyOf(classpath);
        this.languageInfo = new LanguageInfo("java", Runtime.version().toString(), "text/x-java-source",
                ".jshell", "java", "text/x-java", "script");
        Display.attach(this);
        // Widgets need comm_open metadata and echo parents that basekernel's own manager cannot send.
        commManager = new org.forklab.widgets.WidgetCommManager();
        org.forklab.widgets.Widgets.attach(this);
    }

    /** The jars and directories the kernel itself runs from. */
    static List<Path> kernelClasspath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.isEmpty()).map(Path::of).collect(Collectors.toList());
    }

    /**
     * Registers magics and extensions, then builds JShell, both on {@code background} so the
     * kernel answers kernel_info at once.
     */
    public void startBackgroundWork(Executor background) {
        magicsReady = CompletableFuture.runAsync(this::registerMagics, background);
        evaluator = magicsReady.thenApplyAsync(ignored -> createEvaluator(), background);
        // Off the path to the first cell: only once JShell is up.
        evaluator.thenRunAsync(this::warmUpMagics, background);
    }

    private void warmUpMagics() {
        try {
            BuiltinMagics.warmUp(builtinMagics, MAGIC_WARM_UP_ROUNDS);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "magic warm-up failed; the magics still work, only slower at first", e);
        }
    }

    private void registerMagics() {
        builtinMagics = BuiltinMagics.registerAll(magics, this);
        extensions.scan(ForklabKernel.class.getClassLoader());
    }

    private JShellEvaluator createEvaluator() {
        try {
            JShellEvaluator created = new JShellEvaluator(ForklabKernel.class.getClassLoader(), classpath,
                    List.of(Display.class.getName()));
            // Compiling once here warms javac, so the student's first cell is quick too.
            created.eval("Objects.hash(1)");
            return created;
        } catch (CellError e) {
            throw new IllegalStateException("JShell did not start: " + String.join("\n", e.lines()), e);
        }
    }

    private void awaitMagics() throws Interrupted {
        await(magicsReady);
    }

    JShellEvaluator evaluator() throws Interrupted {
        return await(evaluator);
    }

    private <T> T await(CompletableFuture<T> future) throws Interrupted {
        if (future == null) {
            throw new IllegalStateException("startBackgroundWork was not called");
        }
        if (future.isDone()) {
            return future.join();
        }
        interruptible = Thread.currentThread();
        try {
            return future.get();
        } catch (InterruptedException e) {
            throw new Interrupted("interrupted while the kernel was still starting.");
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } finally {
            interruptible = null;
            Thread.interrupted();
        }
    }

    // ---- execution -------------------------------------------------------------------------

    @Override
    public DisplayData eval(String code) throws Exception {
        int cellNumber = executionCount.get() - 1;
        IdleCollector idle = idleCollector;
        if (idle != null) {
            idle.cellStarted();
        }
        children.cellStarted();
        DisplayData shown = null;
        try {
            Object value = runCell(code);
            shown = value == NO_VALUE ? null : renderValue(value);
            return shown;
        } catch (Interrupted e) {
            // The interrupt killed what the cell had started while the cell still ran; now that it
            // has ended, whatever it started after that look goes too.
            int late = children.killStartedByCell();
            if (late > 0) {
                LOG.info("killed " + late + " child process(es) still running when the interrupted cell ended");
            }
            throw e;
        } finally {
            history.record(cellNumber, code, shown == null ? null : plainText(shown));
            if (idle != null) {
                idle.cellEnded();
            }
        }
    }

    /** Marks "the cell had no value" apart from a value that is null. */
    private static final Object NO_VALUE = new Object();

    @Override
    public Object runCell(String code) throws Exception {
        CellMagicArgs cellMagic = ParsedCell.cellMagic(code);
        if (cellMagic != null) {
            String name = "%%" + cellMagic.getName();
            return runMagic(name, true, () -> magics.applyCellMagic(cellMagic.getName(),
                    withParameters(name, cellMagic.getArgs()), cellMagic.getBody()));
        }
        if (code.stripLeading().startsWith("%%")) {
            // "%%c --help" alone asks for help, which needs no body.
            List<String> words = List.of(code.strip().split("\\R")[0].substring(2).trim().split("\\s+"));
            if (words.contains("--help") || words.contains("-h")) {
                return runMagic("%%" + words.get(0), true,
                        () -> magics.applyCellMagic(words.get(0), words.subList(1, words.size()), ""));
            }
            throw new UsageError("a cell magic needs its body on the lines after " + code.strip().split("\\R")[0]);
        }
        ParsedCell cell = ParsedCell.parse(code);
        Object value = NO_VALUE;
        for (LineMagicArgs call : cell.lineMagics()) {
            String name = "%" + call.getName();
            value = runMagic(name, false, () -> magics.applyLineMagic(call.getName(), withParameters(name, call.getArgs())));
        }
        if (cell.hasJava()) {
            CellValue result = evaluator().eval(cell.java());
            value = result.isPresent() ? result.value() : NO_VALUE;
        }
        return value;
    }

    /** {@code ${name}} in a magic's arguments, from the cells' variables (the parameters cell). */
    private List<String> withParameters(String magic, List<String> args) throws CellError {
        if (args.stream().noneMatch(arg -> arg.contains("${"))) {
            return args;
        }
        JShellEvaluator shell = evaluator();
        return MagicParameters.substitute(magic, args, new MagicParameters.Variables(shell::variableNames, shell::variableValue));
    }

    private interface MagicCall {
        Object call() throws Exception;
    }

    private Object runMagic(String name, boolean cell, MagicCall call) throws Exception {
        awaitMagics();
        interruptible = Thread.currentThread();
        try {
            Object result = call.call();
            return result == null ? NO_VALUE : result;
        } catch (UndefinedMagicException e) {
            String bare = name.replaceFirst("^%+", "");
            String hint = magics.closest(bare, cell).map(n -> "; did you mean " + (cell ? "%%" : "%") + n + "?")
                    .orElse("");
            throw new UsageError("unknown magic " + name + hint + " (%lsmagic lists them all)");
        } catch (InterruptedException e) {
            throw new Interrupted(name + " was interrupted.");
        } finally {
            interruptible = null;
            if (Thread.interrupted()) {
                LOG.fine("cleared an interrupt left by " + name);
            }
        }
    }

    private DisplayData renderValue(Object value) {
        if (value == null) {
            return new DisplayData("null");
        }
        if (value instanceof DisplayData) {
            return (DisplayData) value;
        }
        return getRenderer().render(value);
    }

    private static String plainText(DisplayData data) {
        Object text = data.getData(MIMEType.TEXT_PLAIN);
        return text == null ? "" : text.toString();
    }

    @Override
    public List<String> formatError(Exception e) {
        return ErrorReport.of(e).lines;
    }

    @Override
    public void interrupt() {
        Thread waiting = interruptible;
        if (waiting != null) {
            waiting.interrupt();
        }
        CompletableFuture<JShellEvaluator> future = evaluator;
        if (future != null && future.isDone() && !future.isCompletedExceptionally()) {
            future.join().stop();
        }
        int killed = children.killStartedByCell();
        if (killed > 0) {
            LOG.info("interrupt killed " + killed + " child process(es)");
        }
    }

    /** From now on, a full collection gives the heap back once the kernel is idle after a cell. */
    void collectWhenIdle(IdleCollector collector) {
        idleCollector = collector;
    }

    @Override
    public void onShutdown(boolean isRestarting) {
        IdleCollector idle = idleCollector;
        if (idle != null) {
            idle.close();
        }
        startExitWatchdog();
        interrupt();
        children.killAll();
        CompletableFuture<JShellEvaluator> future = evaluator;
        if (future != null) {
            future.cancel(true);
            if (future.isDone() && !future.isCompletedExceptionally() && !future.isCancelled()) {
                closeWithin(future.join(), CLOSE_WAIT_MILLIS);
            }
        }
    }

    /** The exit status of a kernel the watchdog had to halt: not 0, so that a hang shows in tests. */
    static final int WATCHDOG_EXIT_STATUS = 70;

    /** Set by the kernel process only (never in tests): how long after a shutdown request it may still live. */
    private volatile long exitDeadlineMillis = -1;

    /**
     * From now on, a shutdown or restart request ends this JVM at most {@code millis} later, even
     * if a cell that ignores the stop keeps a thread, a lock or a socket busy (seen on JDK 25).
     * Children are killed before, in onShutdown, as a halt skips the shutdown hooks.
     */
    void exitAtMostAfterShutdown(long millis) {
        exitDeadlineMillis = millis;
    }

    private void startExitWatchdog() {
        long millis = exitDeadlineMillis;
        if (millis < 0) {
            return;
        }
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                return;
            }
            LOG.warning("the kernel did not end " + millis + " ms after the shutdown request; halting");
            children.killAll();
            Runtime.getRuntime().halt(WATCHDOG_EXIT_STATUS);
        }, "forklab-exit-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    /** How long shutdown waits for JShell to close: the process ends right after anyway. */
    private static final long CLOSE_WAIT_MILLIS = 2_000;

    /**
     * Closing JShell waits for the running cell to leave it; a cell that catches the stop and
     * carries on would hold the shutdown reply (and so the kernel process) forever.
     */
    private static void closeWithin(JShellEvaluator shell, long millis) {
        Thread closer = new Thread(shell::close, "forklab-close");
        closer.setDaemon(true);
        closer.start();
        try {
            closer.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (closer.isAlive()) {
            LOG.warning("a cell ignored the stop; the kernel exits without closing JShell");
        }
    }

    /** Kills every process the kernel started; for the JVM's shutdown hook (SIGTERM, SIGINT). */
    void killChildren() {
        children.killAll();
    }

    // ---- the other protocol hooks ----------------------------------------------------------

    @Override
    public LanguageInfo getLanguageInfo() {
        return languageInfo;
    }

    @Override
    public String getBanner() {
        return "forklab Java kernel on JDK " + Runtime.version() + " (JShell; %lsmagic lists the magics)";
    }

    @Override
    public List<LanguageInfo.Help> getHelpLinks() {
        return List.of(new LanguageInfo.Help("Java API",
                "https://docs.oracle.com/en/java/javase/" + Runtime.version().feature() + "/docs/api/"));
    }

    @Override
    public HistoryManager getHistoryManager() {
        return history;
    }

    @Override
    public void becomeHandlerForConnection(JupyterConnection connection) {
        super.becomeHandlerForConnection(connection);
        connection.setHandler(MessageType.EXECUTE_REQUEST, new ExecuteRequestHandler(this, executionCount));
        connection.setHandler(MessageType.HISTORY_REQUEST, new HistoryRequestHandler(history));
        connection.setHandler(MessageType.KERNEL_INFO_REQUEST, (env, message) -> {
            env.setBusyDeferIdle();
            env.reply(new KernelInfoReplyWithStatus("forklab", KERNEL_META.getOrDefault("version", "unknown"),
                    getLanguageInfo(), getBanner(), getHelpLinks()));
        });
    }

    @Override
    public ReplacementOptions complete(String code, int at) throws Exception {
        String line = currentLine(code, at);
        if (line.startsWith("%")) {
            boolean cell = line.startsWith("%%");
            String typed = line.substring(cell ? 2 : 1);
            if (typed.chars().allMatch(Character::isJavaIdentifierPart)) {
                awaitMagics();
                return new ReplacementOptions(magics.namesStartingWith(typed, cell), at - typed.length(), at);
            }
            awaitMagics();
            return OptionWordCompletion.complete(line, cell, magics)
                    .map(w -> new ReplacementOptions(w.matches(), at - w.typed().length(), at)).orElse(null);
        }
        Completion completion = evaluator().complete(ParsedCell.parse(code).java(), at);
        return new ReplacementOptions(completion.matches(), completion.start(), completion.end());
    }

    private static String currentLine(String code, int at) {
        int start = code.lastIndexOf('\n', Math.max(0, at - 1)) + 1;
        return code.substring(Math.min(start, at), at);
    }

    @Override
    public DisplayData inspect(String code, int at, boolean extraDetail) throws Exception {
        List<String> docs = evaluator().documentation(ParsedCell.parse(code).java(), at);
        if (docs.isEmpty()) {
            return null;
        }
        return new DisplayData(String.join("\n\n", docs));
    }

    @Override
    public String isComplete(String code) {
        try {
            Completeness completeness = evaluator().completeness(ParsedCell.parse(code).java());
            switch (completeness.status()) {
                case COMPLETE:
                    return IS_COMPLETE_YES;
                case INVALID:
                    return IS_COMPLETE_BAD;
                default:
                    return completeness.indent();
            }
        } catch (Interrupted | RuntimeException e) {
            return IS_COMPLETE_MAYBE;
        }
    }

    // ---- ExtensionContext and MagicHost ------------------------------------------------------

    @Override
    public BaseKernel kernel() {
        return this;
    }

    @Override
    public Magics magics() {
        return magics;
    }

    @Override
    public MagicRegistry registry() {
        return magics;
    }

    @Override
    public void describeLineMagic(String name, String summary) {
        magics.describeLineMagic(name, summary);
    }

    @Override
    public void describeCellMagic(String name, String summary) {
        magics.describeCellMagic(name, summary);
    }

    @Override
    public void completeMagicOptions(String name, boolean cell, java.util.function.Function<String, List<String>> wordsOf) {
        magics.describeOptionWords(name, cell, wordsOf);
    }

    @Override
    public boolean bind(String name, Class<?> type, Object value) {
        Results.put(name, value);
        if (!SourceVersion.isName(name) || name.contains(".")) {
            System.err.println("forklab: '" + name + "' is not a Java variable name; the value stays in Results.get(\""
                    + name + "\")");
            return false;
        }
        try {
            evaluator().declareVariable(name, type, "org.forklab.spi.Results.get(\"" + name + "\")");
            return true;
        } catch (CellError e) {
            System.err.println("forklab: could not bind '" + name + "': " + e.getMessage()
                    + "; the value stays in Results.get(\"" + name + "\")");
            return false;
        }
    }

    @Override
    public void addToClasspath(List<Path> entries) throws Exception {
        JShellEvaluator shell = evaluator();
        for (Path entry : entries) {
            shell.addToClasspath(entry);
        }
        extensions.scan(shell.classLoader());
    }

    /** Implementation classes of the extensions registered so far. */
    public List<String> registeredExtensions() {
        return new ArrayList<>(extensions.registered());
    }
}
