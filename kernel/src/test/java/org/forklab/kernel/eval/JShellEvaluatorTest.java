package org.forklab.kernel.eval;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

class JShellEvaluatorTest {
    static JShellEvaluator evaluator;
    static ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

    @BeforeAll
    static void start() throws Exception {
        List<Path> classpath = Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .map(Path::of).collect(Collectors.toList());
        evaluator = new JShellEvaluator(JShellEvaluatorTest.class.getClassLoader(), classpath, List.of());
    }

    @AfterAll
    static void stop() {
        evaluator.close();
        timer.shutdownNow();
    }

    @Test
    void expressionValueIsTheObjectItself() throws Exception {
        CellValue v = evaluator.eval("List.of(1, 2, 3)");
        assertTrue(v.isPresent());
        assertEquals(List.of(1, 2, 3), v.value());
        assertEquals(2, evaluator.eval("1 + 1").value());
    }

    @Test
    void stateIsKeptAcrossCellsAndVariableReferenceYieldsValue() throws Exception {
        assertFalse(evaluator.eval("int counter = 41;").isPresent());
        evaluator.eval("counter++;");
        assertEquals(42, evaluator.eval("counter").value());
        assertEquals(7, evaluator.eval("counter = 7").value());
    }

    @Test
    void aCellOfManySnippetsReturnsTheLastValue() throws Exception {
        CellValue v = evaluator.eval("int a = 2;\nint b = 3;\nString twice(String s) { return s + s; }\ntwice(\"x\" + (a * b))");
        assertEquals("x6x6", v.value());
    }

    @Test
    void onlyTheLatestExpressionValuesStayAsDollarVariables() throws Exception {
        java.util.Set<String> before = evaluator.variableNames();
        List<String> made = new java.util.ArrayList<>();
        for (int i = 0; i < JShellEvaluator.KEPT_VALUES + 15; i++) {
            assertEquals(1000 + i, evaluator.eval("1000 + " + i).value());
            evaluator.variableNames().stream().filter(n -> n.startsWith("$") && !before.contains(n) && !made.contains(n))
                    .forEach(made::add);
        }
        java.util.Set<String> now = evaluator.variableNames();
        List<String> kept = made.stream().filter(now::contains).toList();
        // every later snippet imports each active $N, so old ones go: memory grew by the square of their number
        assertEquals(JShellEvaluator.KEPT_VALUES, kept.size(), "kept " + kept + " of " + made);
        String latest = made.get(made.size() - 1);
        assertEquals(1000 + JShellEvaluator.KEPT_VALUES + 14, evaluator.eval(latest).value());
        CompileError gone = assertThrows(CompileError.class, () -> evaluator.eval(made.get(0)));
        assertTrue(String.join("\n", gone.lines()).contains("cannot find symbol"), gone.lines().toString());
        assertEquals(42, evaluator.eval("int still = 42; still").value(), "the evaluator works on");
    }

    @Test
    void statementsHaveNoValue() throws Exception {
        assertFalse(evaluator.eval("System.out.print(\"\");").isPresent());
        assertFalse(evaluator.eval("class Point { int x; }").isPresent());
    }

    @Test
    void compileErrorPointsAtLineAndColumn() {
        CompileError e = assertThrows(CompileError.class, () -> evaluator.eval("int ok = 1;\nint y = undefinedThing + 1;"));
        String text = String.join("\n", e.lines());
        assertTrue(text.startsWith("Compile error at line 2, column 9: cannot find symbol"), text);
        assertTrue(text.contains("   2 | int y = undefinedThing + 1;"), text);
        assertTrue(text.contains("     |         ^^^^^^^^^^^^^^"), text);
    }

    @Test
    void runtimeExceptionStackIsTrimmedToCellFrames() {
        RuntimeFailure e = assertThrows(RuntimeFailure.class,
                () -> evaluator.eval("int divide(int a, int b) { return a / b; }\ndivide(1, 0)"));
        assertEquals("java.lang.ArithmeticException", e.exceptionClass());
        assertEquals("ArithmeticException", e.errorName(), "ename is the real exception's simple name");
        assertEquals("java.lang.ArithmeticException: / by zero", e.lines().get(0));
        assertEquals("\tat divide (cell line 1)", e.lines().get(1));
        assertEquals("\tat cell (cell line 2)", e.lines().get(2));
        assertEquals(3, e.lines().size(), e.lines().toString());
        assertTrue(e.lines().stream().noneMatch(l -> l.contains("jdk.jshell") || l.contains("reflect")), e.lines().toString());
    }

    @Test
    void aMethodFromManyCellsBeforeNamesItsLineAfterItsWrapperWasSlimmed() throws Exception {
        assertTrue(evaluator.slimsWrappers(), "the tests open jdk.jshell as the kernel jar's manifest does");
        evaluator.eval("int thrower(int x) {\n    int y = x + 1;\n    return y / (x - x);\n}");
        for (int i = 0; i < 40; i++) {
            evaluator.eval("int slimmed" + i + " = " + i + ";");
        }
        RuntimeFailure e = assertThrows(RuntimeFailure.class, () -> evaluator.eval("int z = 1;\nthrower(z)"));
        assertTrue(e.lines().get(1).matches("\tat thrower \\(earlier cell, snippet \\d+ line 3\\)"), e.lines().toString());
        assertEquals("\tat cell (cell line 2)", e.lines().get(2));
        assertEquals(39, evaluator.eval("slimmed39").value());
    }

    @Test
    void busyLoopIsStopped() {
        timer.schedule(evaluator::stop, 300, TimeUnit.MILLISECONDS);
        long start = System.nanoTime();
        assertThrows(Interrupted.class, () -> evaluator.eval("long n = 0; while (true) { n++; }"));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 5_000, "stopping took " + millis + " ms");
        assertDoesNotThrow(() -> evaluator.eval("1"));
    }

    @Test
    void sleepIsStopped() {
        timer.schedule(evaluator::stop, 300, TimeUnit.MILLISECONDS);
        long start = System.nanoTime();
        assertThrows(Interrupted.class, () -> evaluator.eval("Thread.sleep(60_000);"));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 5_000, "stopping took " + millis + " ms");
    }

    @Test
    void completionOffersMembers() throws Exception {
        evaluator.eval("String s = \"\";");
        String code = "int unrelated = 1;\ns.toUpp";
        Completion c = evaluator.complete(code, code.length());
        assertTrue(c.matches().contains("toUpperCase("), c.matches().toString());
        assertEquals(code.length() - "toUpp".length(), c.start());
    }

    @Test
    void documentationOfAMethod() {
        List<String> docs = evaluator.documentation("Math.max", "Math.max".length());
        assertFalse(docs.isEmpty());
        assertTrue(docs.get(0).contains("max("), docs.toString());
    }

    @Test
    void completenessWithIndent() {
        assertEquals(Completeness.complete(), evaluator.completeness("int x = 1;"));
        assertEquals(Completeness.incomplete("    "), evaluator.completeness("for (int i = 0; i < 3; i++) {"));
        assertEquals(Completeness.incomplete("        "), evaluator.completeness("class A {\n void m() {"));
        assertEquals(Completeness.Status.INVALID, evaluator.completeness("int x = 1;)").status());
    }

    @Test
    void declareVariableUsesAVisibleType() throws Exception {
        org.forklab.spi.Results.put("boundList", new java.util.ArrayList<>(List.of("a")));
        evaluator.declareVariable("boundList", java.util.ArrayList.class, "org.forklab.spi.Results.get(\"boundList\")");
        assertEquals(1, evaluator.eval("boundList.size()").value());
        assertEquals("java.util.ArrayList", evaluator.nameableType(java.util.ArrayList.class));
        assertEquals("java.util.AbstractMap.SimpleEntry", evaluator.nameableType(java.util.AbstractMap.SimpleEntry.class));
        assertEquals("java.lang.Number", evaluator.nameableType(PrivateNumber.class));
        assertEquals("int[]", evaluator.nameableType(int[].class));
        assertEquals("java.lang.Object", evaluator.nameableType(new Object() { }.getClass()));
    }

    private static final class PrivateNumber extends Number {
        public int intValue() { return 0; }
        public long longValue() { return 0; }
        public float floatValue() { return 0; }
        public double doubleValue() { return 0; }
    }

    @Test
    void aCellPastAClassFileLimitIsOneErrorAndLaterCellsWork() throws Exception {
        evaluator.eval("int keptAcrossLimits = 3;");
        CompileError tooLarge = assertThrows(CompileError.class,
                () -> evaluator.eval("var numbers = new int[] {" + "1234,".repeat(250_000) + "1};"));
        assertTrue(tooLarge.lines().get(0).contains("code too large"), tooLarge.lines().get(0));
        assertThrows(CompileError.class, () -> evaluator.eval("var text = \"" + "x".repeat(1_000_000) + "\";"));
        evaluator.eval("int declaredAfter = 4;");
        assertEquals(7, evaluator.eval("keptAcrossLimits + declaredAfter").value());
    }

    @Test
    void nestingThatOverflowedTheShellThreadsStackCompiles() throws Exception {
        String nested = "(".repeat(2_500) + "1" + ")".repeat(2_500);
        assertEquals(1, evaluator.eval(nested).value());
    }
}
