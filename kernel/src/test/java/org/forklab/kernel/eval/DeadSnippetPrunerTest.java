package org.forklab.kernel.eval;

import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class DeadSnippetPrunerTest {
    private static String value(JShell shell, String expression) {
        List<SnippetEvent> events = shell.eval(expression);
        assertNull(events.get(0).exception(), expression);
        return events.get(0).value();
    }

    @Test
    void finishedSnippetsGoAndEverythingStillDeclaredWorks() {
        try (JShell shell = JShell.builder().executionEngine("local").build()) {
            DeadSnippetPruner pruner = DeadSnippetPruner.forShell(shell);
            assertNotNull(pruner, "the tests open jdk.jshell as the kernel jar's manifest does");
            shell.eval("int twice(int x) { return 2 * x; }");
            shell.eval("int later() { return notYet + 1; }"); // waits for a declaration
            assertEquals(Snippet.Status.RECOVERABLE_DEFINED, shell.status(shell.snippets()
                    .filter(s -> s.source().contains("later")).findFirst().orElseThrow()));
            long before = shell.snippets().count();
            int forgotten = 0;
            for (int i = 0; i < 100; i++) {
                shell.eval("int v" + (i % 10) + " = " + i + ";");
                shell.eval("v" + (i % 10) + " = v" + (i % 10) + " + 1;");
                shell.eval("for (int k = 0; k < 3; k++) v" + (i % 10) + " += k;");
                shell.eval("v" + (i % 10));
                forgotten += pruner.prune();
            }
            long after = shell.snippets().count();
            // 400 snippets evaluated: left are the two methods and the ten names' latest declarations
            assertEquals(before + 10, after, shell.snippets().map(Snippet::source).toList().toString());
            assertEquals(390, forgotten);
            assertEquals("103", value(shell, "v9"));
            assertEquals("204", value(shell, "twice(v9 - 1)"));
            shell.eval("int notYet = 41;");
            assertEquals("42", value(shell, "later()"), "a waiting method is still compiled when its name arrives");
            shell.drop(shell.variables().filter(v -> v.name().equals("v0")).findFirst().orElseThrow());
            pruner.prune();
            shell.eval("int v0 = 7;");
            assertEquals("7", value(shell, "v0"), "a dropped name is declared again");
        }
    }

    @Test
    void aLambdaAStatementLeftBehindFailsAsAnEarlierCell() throws Exception {
        List<java.nio.file.Path> classpath = List.of();
        JShellEvaluator evaluator = new JShellEvaluator(getClass().getClassLoader(), classpath, List.of());
        try {
            assertTrue(evaluator.slimsWrappers());
            evaluator.eval("java.util.List<Runnable> later = new java.util.ArrayList<>();");
            // a statement: JShell keeps no value of it, so the pruner forgets it once it has run
            evaluator.eval("if (later.isEmpty()) later.add(() -> { throw new IllegalStateException(\"kept\"); });");
            RuntimeFailure e = assertThrows(RuntimeFailure.class, () -> evaluator.eval("later.get(0).run()"));
            assertEquals("java.lang.IllegalStateException: kept", e.lines().get(0));
            assertTrue(e.lines().get(1).matches("\tat lambda\\$do_it\\$+0 \\(an earlier cell\\)"), e.lines().toString());
            assertEquals("\tat cell (cell line 1)", e.lines().get(2));
        } finally {
            evaluator.close();
        }
    }
}
