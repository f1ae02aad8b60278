package org.forklab.kernel.eval;

import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class WrapperSlimmerTest {
    private static long lineBreaks(String text) {
        return text.chars().filter(c -> c == '\n').count();
    }

    @Test
    void aRunSnippetsWrapperKeepsItsLinesButNotItsImports() {
        try (JShell shell = JShell.builder().executionEngine("local").build()) {
            WrapperSlimmer slimmer = WrapperSlimmer.forShell(shell);
            assertNotNull(slimmer, "the tests open jdk.jshell as the kernel jar's manifest does");
            for (int i = 0; i < 60; i++) {
                shell.eval("int v" + i + " = " + i + ";");
            }
            Snippet last = shell.eval("int total = v0 + v59;").get(0).snippet();
            String whole = shell.sourceCodeAnalysis().wrapper(last).wrapped();
            assertTrue(whole.contains("import static REPL.") && whole.length() > 60 * 30, whole);

            long saved = slimmer.slim(last);
            String slim = shell.sourceCodeAnalysis().wrapper(last).wrapped();
            assertTrue(slim.length() < whole.length() / 4, slim);
            assertFalse(slim.contains("import"), slim);
            assertEquals(lineBreaks(whole), lineBreaks(slim), "stack traces map lines through it");
            assertEquals(2L * (whole.length() - slim.length()), saved, "the header and its copy in the joined text");
            assertEquals(0, slimmer.slim(last), "a slimmed wrapper is left alone");
            assertEquals("59", shell.eval("total").get(0).value(), "JShell works on");
        }
    }

    @Test
    void importsAndRejectedSnippetsAreLeftAsTheyAre() {
        try (JShell shell = JShell.builder().executionEngine("local").build()) {
            WrapperSlimmer slimmer = WrapperSlimmer.forShell(shell);
            assertEquals(0, slimmer.slim(shell.eval("import java.util.concurrent.*;").get(0).snippet()));
            Snippet broken = shell.eval("int broken = ;").get(0).snippet();
            assertEquals(Snippet.Status.REJECTED, shell.status(broken));
            assertEquals(0, slimmer.slim(broken));
        }
    }
}
