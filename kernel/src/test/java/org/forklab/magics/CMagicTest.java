package org.forklab.magics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import org.forklab.experiments.core.ProcessTree;
import org.forklab.magics.c.CCompiler;
import org.forklab.magics.c.CRun;
import org.forklab.magics.parse.MagicDefinition;
import org.forklab.spi.UsageError;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** %%c through the same path the kernel uses: arguments, cell body, the screen. */
class CMagicTest {
    private final MagicDefinition c = MagicCatalog.find("c", true).orElseThrow();
    private final RecordingScreen screen = new RecordingScreen();

    @BeforeEach
    void needsCompiler() throws Exception {
        assumeTrue(CCompiler.find().isPresent(), "no C compiler on this machine");
    }

    @AfterEach
    void nothingLeftBehind() throws Exception {
        assertEquals(List.of(), ProcessTree.descendants());
    }

    private void run(String body, String... args) throws InterruptedException {
        MagicCall.cell(c, List.of(args), body, screen.bench());
    }

    @Test
    void compilesRunsAndPassesArguments() throws Exception {
        run("""
                #include <stdio.h>
                int main(int argc, char **argv) {
                    for (int i = 1; i < argc; i++) printf("arg %d: %s\\n", i, argv[i]);
                    printf("N=%d\\n", N);
                    return 0;
                }
                """, "-O0", "-DN=42", "--as", "r", "--", "one", "two words", "$(rm -rf /)");
        assertEquals("arg 1: one\narg 2: two words\narg 3: $(rm -rf /)\nN=42\n", screen.outText());
        assertEquals("", screen.errText());
        assertEquals(List.of("r"), screen.bound);
        CRun run = (CRun) screen.boundValues.get(0);
        assertTrue(run.succeeded());
        assertEquals(List.of("one", "two words", "$(rm -rf /)"), run.arguments());
    }

    @Test
    void compileErrorShowsTheCellLineWithACaretAndOneLine() throws Exception {
        UsageError e = assertThrows(UsageError.class, () -> run("""
                #include <stdio.h>
                int main(void) {
                    int x = 1
                    return x;
                }
                """));
        assertEquals("%%c: the cell did not compile: 1 error, the first at line 4 (the compiler's report is above)",
                e.getMessage());
        String report = screen.errText();
        assertTrue(report.contains("cell.c:4:5: error: expected ',' or ';' before 'return'\n"
                + "    4 |     return x;\n"
                + "      |     ^~~~~~\n"), report);
        assertFalse(report.contains("/tmp/"), "temporary paths are cut from the report: " + report);
        assertFalse(report.contains("at org.forklab"), report);
    }

    @Test
    void crashIsOneLineWithTheSignalName() throws Exception {
        run("""
                #include <stdio.h>
                int main(void) {
                    printf("before the fault\\n");
                    volatile int *p = 0;
                    *p = 1;
                    return 0;
                }
                """, "-O0", "--as", "crashed");
        assertEquals("before the fault\n", screen.outText(), "line buffering keeps output printed before a crash");
        List<String> lines = screen.errText().lines().toList();
        assertEquals(1, lines.size(), screen.errText());
        assertTrue(lines.get(0).startsWith("%%c: the program was killed by SIGSEGV (11) after "), lines.get(0));
        assertEquals("SIGSEGV (11)", ((CRun) screen.boundValues.get(0)).signal().orElseThrow());
    }

    @Test
    void timeOutIsOneLineAndTheProgramIsGone() throws Exception {
        run("""
                #include <stdio.h>
                #include <unistd.h>
                int main(void) {
                    printf("sleeping\\n");
                    for (;;) sleep(1);
                }
                """, "--timeout", "300ms");
        assertEquals("sleeping\n", screen.outText());
        List<String> lines = screen.errText().lines().toList();
        assertEquals(1, lines.size(), screen.errText());
        assertTrue(lines.get(0).startsWith("%%c: the program ran past its time limit and was stopped after "), lines.get(0));
    }

    @Test
    void anInterruptStopsTheProgramAndReachesTheKernel() throws Exception {
        Thread cell = Thread.currentThread();
        Thread interrupter = new Thread(() -> {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                return;
            }
            cell.interrupt();
        });
        interrupter.start();
        try {
            assertThrows(InterruptedException.class, () -> run("""
                    #include <stdio.h>
                    #include <unistd.h>
                    int main(void) { puts("waiting"); for (;;) sleep(1); }
                    """, "--timeout", "60s"));
        } finally {
            interrupter.join();
            Thread.interrupted();
        }
        // The program is gone (checked after each test); whether "waiting" was drained before the
        // kill depends on timing, so it is not asserted.
    }

    @Test
    void nonZeroExitIsReported() throws Exception {
        run("int main(void) { return 3; }");
        assertTrue(screen.errText().startsWith("%%c: the program exited with status 3 after "), screen.errText());
    }

    @Test
    void threadsCompileWithPthread() throws Exception {
        run("""
                #include <pthread.h>
                #include <stdio.h>
                static void *work(void *arg) { (void) arg; return 0; }
                int main(void) {
                    pthread_t t;
                    pthread_create(&t, 0, work, 0);
                    pthread_join(t, 0);
                    puts("joined");
                    return 0;
                }
                """);
        assertEquals("joined\n", screen.outText());
    }

    @Test
    void emptyCellAndBadDefineAreOneLine() throws Exception {
        assertEquals("%%c: the cell is empty; write a C program with a main function below the %%c line",
                assertThrows(UsageError.class, () -> run("  \n")).getMessage());
        assertEquals("%%c: -D X -o /etc/x is not a macro definition; write NAME or NAME=VALUE, e.g. -D N=1000000",
                assertThrows(UsageError.class, () -> run("int main(void){return 0;}", "-D", "X -o /etc/x")).getMessage());
    }

    private static final String COUNTER_LOOP = """
            static long counter, per_worker = 1000;
            __attribute__((noinline)) void count_up(void) { for (long i = 0; i < per_worker; i++) counter++; }
            int main(void) { count_up(); return counter == 1000 ? 0 : 1; }
            """;

    @Test
    void asmShowsTheCompilersCodeOfTheNamedFunctionThenRuns() throws Exception {
        run(COUNTER_LOOP, "-O0", "--asm", "count_up");
        String at0 = screen.outText();
        assertTrue(at0.startsWith("assembly of count_up, as the compiler wrote it (cc -S -O0):\n"), at0);
        assertTrue(at0.contains(".L"), "-O0 keeps the loop's labels and jump: " + at0);
        assertFalse(at0.contains(".size") || at0.contains(".type"), "directives are left out: " + at0);
        assertFalse(at0.contains("main:"), "only the named function: " + at0);
        assertEquals("", screen.errText(), "the program ran and exited 0");
    }

    @Test
    void asmOfAMissingFunctionNamesThoseThere() throws Exception {
        UsageError e = assertThrows(UsageError.class, () -> run(COUNTER_LOOP, "--asm", "racer"));
        assertEquals("%%c: --asm racer: no function of that name in the compiler's output at -O2 (functions there:"
                + " count_up, main); a static function may have been inlined: mark it __attribute__((noinline))",
                e.getMessage());
        assertEquals("%%c: --asm 1x is not a C function name; write e.g. --asm main or --asm racer,main",
                assertThrows(UsageError.class, () -> run(COUNTER_LOOP, "--asm", "1x")).getMessage());
    }

    @Test
    void functionsSplitsAListingAtLabelsAndSizes() {
        var listing = java.util.List.of("\t.text", "\t.globl\tf", "\t.type\tf, @function", "f:",
                "\tmovq\tn(%rip), %rax", "\t.p2align 4", ".L2:", "\taddq\t%rax, c(%rip)", "\tret",
                "\t.size\tf, .-f", "\t.type\tc, @object", "c:", "\t.zero\t8", "\t.size\tc, 8");
        assertEquals(java.util.Map.of("f", List.of("    movq n(%rip), %rax", ".L2:", "    addq %rax, c(%rip)", "    ret")),
                org.forklab.magics.c.CAssembly.functions(listing));
    }

    @Test
    void missingCompilerIsOneLine() throws Exception {
        assertEquals(java.util.Optional.empty(), CCompiler.findOn("/nonexistent"));
    }
}
