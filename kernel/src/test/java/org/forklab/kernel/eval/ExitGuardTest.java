package org.forklab.kernel.eval;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

/** Cells share the kernel's JVM: every way a cell can name an exit must throw instead. */
class ExitGuardTest {
    static JShellEvaluator evaluator;

    @BeforeAll
    static void start() throws Exception {
        List<Path> classpath = Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .map(Path::of).collect(Collectors.toList());
        evaluator = new JShellEvaluator(ExitGuardTest.class.getClassLoader(), classpath, List.of());
    }

    @AfterAll
    static void stop() {
        evaluator.close();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "System.exit(3);                                  | System.exit(3)",
            "Runtime.getRuntime().exit(4);                    | Runtime.getRuntime().exit(4)",
            "Runtime.getRuntime().halt(5);                    | Runtime.getRuntime().halt(5)",
            "java.util.function.IntConsumer c = System::exit; c.accept(6); | System.exit(6)",
            "Runtime r = Runtime.getRuntime(); java.util.function.IntConsumer h = r::halt; h.accept(7); | Runtime.getRuntime().halt(7)",
            "Runnable r = () -> System.exit(8); r.run();      | System.exit(8)",
            "void quit(int n) { System.exit(n); }\\nquit(9);   | System.exit(9)",
            "System.class.getMethod(\"exit\", int.class).invoke(null, 12); | System.exit(12)",
            "Class.forName(\"java.lang.Runtime\").getMethod(\"halt\", int.class).invoke(Runtime.getRuntime(), 13); | Runtime.getRuntime().halt(13)",
            "java.lang.invoke.MethodHandles.lookup().findStatic(System.class, \"exit\", java.lang.invoke.MethodType.methodType(void.class, int.class)).invokeExact(14); | a method handle to System.exit",
            "java.lang.invoke.MethodHandles.publicLookup().findVirtual(Runtime.class, \"exit\", java.lang.invoke.MethodType.methodType(void.class, int.class)); | a method handle to Runtime.getRuntime().exit",
            "var l = java.lang.invoke.MethodHandles.lookup(); l.unreflect(Runtime.class.getMethod(\"halt\", int.class)); | a method handle to Runtime.getRuntime().halt",
    })
    void anExitInACellThrowsOneLineAndTheNextCellRuns(String cell, String call) throws Exception {
        RuntimeFailure e = assertThrows(RuntimeFailure.class, () -> evaluator.eval(cell.replace("\\n", "\n")));
        String expected = call
                + " was stopped: it would end the kernel; run violent code in a child process, e.g. %crash";
        assertEquals(List.of(expected), e.lines());
        assertEquals("ExitRefusedException", e.errorName());
        assertEquals(2, evaluator.eval("1 + 1").value());
    }

    @Test
    void reflectionAndHandlesStillReachEverythingElse() throws Exception {
        // The check before Method.invoke keeps the call in the cell's class: a private method of
        // the cell's own class stays callable without setAccessible, as in plain Java.
        assertEquals("42", evaluator.eval("class Secret { private static String answer() { return \"42\"; }\n"
                + "  static Object viaReflection() throws Exception { return Secret.class.getDeclaredMethod(\"answer\").invoke(null); } }\n"
                + "Secret.viaReflection()").value());
        assertEquals(3, evaluator.eval("Math.class.getMethod(\"max\", int.class, int.class).invoke(null, 2, 3)").value());
        assertEquals(5, evaluator.eval("(int) java.lang.invoke.MethodHandles.lookup().findStatic(Math.class, \"max\","
                + " java.lang.invoke.MethodType.methodType(int.class, int.class, int.class)).invokeExact(4, 5)").value());
        assertEquals("HI", evaluator.eval("(String) java.lang.invoke.MethodHandles.lookup().findVirtual(String.class, \"toUpperCase\","
                + " java.lang.invoke.MethodType.methodType(String.class)).invokeExact(\"hi\")").value());
    }

    @Test
    void anExitInAThreadTheCellStartedEndsOnlyThatThread() throws Exception {
        Object caught = evaluator.eval("Throwable[] seen = new Throwable[1];\n"
                + "Thread t = new Thread(() -> { try { System.exit(10); } catch (Throwable x) { seen[0] = x; } });\n"
                + "t.start(); t.join(); seen[0].getClass().getSimpleName()").value();
        assertEquals("ExitRefusedException", caught);
    }

    @Test
    void aClassFromAnAddedJarCannotExitEither(@TempDir Path dir) throws Exception {
        Path source = dir.resolve("src/quitter/Quitter.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, "package quitter;\npublic class Quitter {\n"
                + "  public static void quit() { Runtime.getRuntime().exit(11); }\n"
                + "  public static String name() { return Quitter.class.getPackage().getName(); }\n}\n");
        Path classes = Files.createDirectories(dir.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, javac.run(null, null, null, "--release", "17", "-d", classes.toString(), source.toString()));
        Path jar = dir.resolve("quitter.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
             InputStream in = Files.newInputStream(classes.resolve("quitter/Quitter.class"))) {
            out.putNextEntry(new JarEntry("quitter/Quitter.class"));
            in.transferTo(out);
            out.closeEntry();
        }
        evaluator.addToClasspath(jar);
        RuntimeFailure e = assertThrows(RuntimeFailure.class, () -> evaluator.eval("quitter.Quitter.quit()"));
        assertEquals("Runtime.getRuntime().exit(11) was stopped: it would end the kernel;"
                + " run violent code in a child process, e.g. %crash", e.lines().get(0));
        assertEquals("quitter", evaluator.eval("quitter.Quitter.name()").value(), "the class's package is defined");
        assertEquals(jar.toUri().toURL(), evaluator.eval("quitter.Quitter.class.getProtectionDomain().getCodeSource().getLocation()").value());
    }

    @Test
    void aClassWithoutExitsIsLeftByteForByte() throws Exception {
        byte[] plain;
        try (InputStream in = ExitGuardTest.class.getResourceAsStream("/org/forklab/kernel/eval/CellValue.class")) {
            plain = in.readAllBytes();
        }
        assertSame(plain, ExitCallRewriter.rewrite(plain));
        byte[] withExit;
        try (InputStream in = ExitGuardTest.class.getResourceAsStream("ExitGuardTest$Quits.class")) {
            withExit = in.readAllBytes();
        }
        assertNotSame(withExit, ExitCallRewriter.rewrite(withExit));
        assertTrue(new String(withExit, StandardCharsets.ISO_8859_1).contains("exit"));
    }

    /** Compiled with the tests: a class whose bytecode calls System.exit (never run here). */
    static final class Quits {
        static void quit() {
            System.exit(1);
        }
    }
}
