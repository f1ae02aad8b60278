package org.forklab.kernel;

import org.forklab.kernel.eval.Interrupted;
import org.forklab.spi.UsageError;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.junit.jupiter.api.Assertions.*;

class ForklabKernelTest {
    static ForklabKernel kernel;
    static final ConcurrentLinkedQueue<Runnable> background = new ConcurrentLinkedQueue<>();
    static final ExecutorService cells = Executors.newSingleThreadExecutor();

    @BeforeAll
    static void start() {
        kernel = new ForklabKernel(ForklabKernel.kernelClasspath());
        // Background work is queued, not run: the tests decide when JShell gets built.
        kernel.startBackgroundWork(background::add);
        background.poll().run(); // magics and extensions only
    }

    @AfterAll
    static void stop() {
        kernel.onShutdown(false);
        cells.shutdownNow();
    }

    private static void buildJShell() {
        Runnable next;
        while ((next = background.poll()) != null) {
            next.run();
        }
    }

    @Test
    void magicOnlyCellRunsWithoutJShell() throws Exception {
        // JShell has not been built (its task is still queued) and the magic cell still answers.
        assertEquals("hello a b", kernel.runCell("%greet a b"));
    }

    @Test
    void extensionsOnTheClasspathRegisterOnceWithTheirSummary() {
        assertTrue(kernel.registeredExtensions().contains(GreetingExtension.class.getName()));
        assertEquals(1, GreetingExtension.REGISTRATIONS.get());
        assertEquals("Say hello.", kernel.registry().lineMagics().get("greet"));
    }

    @Test
    void magicArgumentsReadJavaVariablesOfEarlierCells() throws Exception {
        buildJShell();
        kernel.runCell("int rounds = 3; List<Integer> sizes = List.of(4, 8);");
        assertEquals("hello -n 3 --sizes 4,8", kernel.runCell("%greet -n ${rounds} --sizes ${sizes}"));
        UsageError e = assertThrows(UsageError.class, () -> kernel.runCell("%greet -n ${round}"));
        assertEquals("%greet: ${round} names no Java variable; declare it in an earlier cell (the parameters cell,"
                + " e.g. int round = 100;); did you mean ${rounds}?", e.getMessage());
    }

    @Test
    void unknownMagicIsOneLineWithSuggestion() {
        UsageError e = assertThrows(UsageError.class, () -> kernel.runCell("%gret"));
        assertEquals("unknown magic %gret; did you mean %greet? (%lsmagic lists them all)", e.getMessage());
    }

    @Test
    void jarsAddedLaterBringTheirExtensionsAndBind(@TempDir Path dir) throws Exception {
        buildJShell();
        Path jar = dir.resolve("ext.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("META-INF/services/org.forklab.spi.KernelExtension"));
            out.write((JarExtension.class.getName() + "\n").getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        kernel.runCell("%jars " + jar);
        kernel.runCell("%jars " + jar);
        assertEquals(1, JarExtension.REGISTRATIONS.get(), "each extension class is registered once");
        assertEquals("from a jar", kernel.runCell("%fromjar"));
        // bind made a typed variable: size() compiles only if jarList is an ArrayList, not Object
        assertEquals(2, kernel.runCell("jarList.size()"));
        assertEquals(1, GreetingExtension.REGISTRATIONS.get());
    }

    @Test
    void aMagicsUsageErrorIsItsMessageAlone() {
        Exception e = assertThrows(Exception.class, () -> kernel.runCell("%refuse"));
        ErrorReport report = ErrorReport.of(e);
        assertEquals("UsageError", report.name);
        assertEquals("%refuse: 'x' is not accepted; try 'y'", report.message);
        assertEquals(List.of("%refuse: 'x' is not accepted; try 'y'"), report.lines);
        assertEquals(report.lines, kernel.formatError(e));
    }

    @Test
    void anyOtherMagicFailureIsOneLineWithItsClass() {
        Exception e = assertThrows(Exception.class, () -> kernel.runCell("%boom"));
        ErrorReport report = ErrorReport.of(e);
        assertEquals("IllegalStateException", report.name);
        assertEquals(List.of("IllegalStateException: the magic broke"), report.lines);
    }

    @Test
    void aRuntimeErrorIsNamedAfterTheExceptionTheCellThrew() throws Exception {
        buildJShell();
        ErrorReport report = ErrorReport.of(assertThrows(Exception.class, () -> kernel.runCell("int zero = 0;\n7 / zero")));
        assertEquals("ArithmeticException", report.name);
        assertEquals("/ by zero", report.message);
        assertEquals(List.of("java.lang.ArithmeticException: / by zero", "\tat cell (cell line 2)"), report.lines);
        ErrorReport own = ErrorReport.of(assertThrows(Exception.class,
                () -> kernel.runCell("class Oops extends RuntimeException { Oops() { super(\"mine\"); } }\nthrow new Oops();")));
        assertEquals("Oops", own.name);
    }

    @Test
    void anExitInACellLeavesTheKernelRunning() throws Exception {
        buildJShell();
        ErrorReport report = ErrorReport.of(assertThrows(Exception.class, () -> kernel.runCell("System.exit(3);")));
        assertEquals("ExitRefusedException", report.name);
        assertEquals(List.of("System.exit(3) was stopped: it would end the kernel;"
                + " run violent code in a child process, e.g. %crash"), report.lines);
        assertEquals(4, kernel.runCell("2 + 2"));
    }

    @Test
    void interruptEndsAMagicThatSleeps() throws Exception {
        GreetingExtension.NAPPING.drainPermits();
        Future<Object> cell = cells.submit(() -> kernel.runCell("%nap"));
        assertTrue(GreetingExtension.NAPPING.tryAcquire(30, TimeUnit.SECONDS), "%nap should have started");
        kernel.interrupt();
        // Liveness only (the machine may be busy); the one-second figure is the benchmark's business.
        Exception e = assertThrows(java.util.concurrent.ExecutionException.class, () -> cell.get(10, TimeUnit.SECONDS));
        assertInstanceOf(Interrupted.class, e.getCause());
        assertEquals("rested", kernel.runCell("%nap 1"));
    }

    @Test
    void bindRefusesNamesThatAreNotJava() {
        assertFalse(kernel.bind("not a name", String.class, "v"));
        assertEquals("v", org.forklab.spi.Results.get("not a name"));
    }

    @Test
    void interruptKillsTheChildProcessTheCellStarted() throws Exception {
        buildJShell();
        kernel.eval("1");
        Future<Object> cell = cells.submit(() -> {
            kernel.eval("System.out.println(\"go\"); new ProcessBuilder(\"sleep\", \"120\").start().waitFor();");
            return null;
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        List<ProcessHandle> sleeping = new ArrayList<>();
        while (sleeping.isEmpty() && System.nanoTime() < deadline) {
            ProcessHandle.current().children().filter(p -> p.info().command().orElse("").endsWith("sleep"))
                    .forEach(sleeping::add);
            Thread.sleep(20);
        }
        assertFalse(sleeping.isEmpty(), "the cell should have started sleep");
        kernel.interrupt();
        Exception e = assertThrows(java.util.concurrent.ExecutionException.class, () -> cell.get(10, TimeUnit.SECONDS));
        assertInstanceOf(Interrupted.class, e.getCause());
        // Gone means reaped too: a killed child nobody waits for stays a zombie, which isAlive still counts.
        long gone = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (sleeping.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < gone) {
            Thread.sleep(20);
        }
        for (ProcessHandle p : sleeping) {
            assertFalse(p.isAlive(), "sleep " + p.pid() + " outlived the interrupt"
                    + (org.forklab.experiments.core.ProcessTree.zombieChildren().contains(p.pid()) ? " as a zombie" : ""));
        }
        assertEquals(3, kernel.runCell("1 + 2"));
    }

    @Test
    void historyRecordsCellsAndTheirPlainOutput() throws Exception {
        buildJShell();
        kernel.eval("40 + 2");
        var tail = kernel.getHistoryManager().lookupTail(1,
                java.util.EnumSet.of(io.github.spencerpark.jupyter.kernel.history.HistoryManager.ResultFlag.INCLUDE_OUTPUT));
        assertEquals("40 + 2", tail.get(0).getInput());
        assertEquals("42", tail.get(0).getOutput());
    }
}
