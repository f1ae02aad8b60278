package org.forklab.magics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import org.forklab.experiments.core.ProcessTree;
import org.forklab.magics.c.CCompiler;
import org.forklab.magics.c.CRun;
import org.forklab.magics.c.Containment;
import org.forklab.magics.parse.MagicDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * %%c programs under their caps: a fork bomb, a memory hog, a daemon and a forking tree at its
 * time limit. Each test first proves the caps are in force (a harmless program reports them)
 * before it starts anything violent.
 */
class CCapsTest {
    private final MagicDefinition c = MagicCatalog.find("c", true).orElseThrow();
    private RecordingScreen screen = new RecordingScreen();

    @BeforeEach
    void needsCompilerAndCaps() throws Exception {
        assumeTrue(CCompiler.find().isPresent(), "no C compiler on this machine");
    }

    @AfterEach
    void nothingLeftBehind() {
        assertEquals(List.of(), ProcessTree.descendants());
    }

    private CRun run(String body, String... args) throws InterruptedException {
        screen = new RecordingScreen();
        List<String> words = new java.util.ArrayList<>(List.of(args));
        words.addAll(0, List.of("--as", "r"));
        MagicCall.cell(c, words, body, screen.bench());
        return (CRun) screen.boundValues.get(0);
    }

    /** Runs a harmless program with these caps and returns how they were held. */
    private Containment capsInForce(String... capOptions) throws InterruptedException {
        CRun probe = run("int main(void) { return 0; }", capOptions);
        assertTrue(probe.succeeded(), screen.errText());
        return probe.contained();
    }

    @Test
    void aForkBombIsStoppedWithOneLineAndNothingOfItLeft() throws Exception {
        Containment held = capsInForce("--max-processes", "50");
        assertEquals(50, held.caps().maxTasks());
        assertTrue(List.of("cgroup-v1", "cgroup-v2", "watchdog").contains(held.tasksCap()), held.tasksCap());
        Process bystander = new ProcessBuilder("sleep", "60").start();
        try {
            CRun run = run("""
                    #include <stdio.h>
                    #include <unistd.h>
                    int main(void) { puts("forking"); for (;;) fork(); }
                    """, "--max-processes", "50", "--timeout", "30s");
            List<String> lines = screen.errText().lines().toList();
            assertEquals(1, lines.size(), screen.errText());
            assertTrue(lines.get(0).startsWith("%%c: the program reached its cap of 50 processes and threads and was stopped after "),
                    lines.get(0));
            assertTrue(lines.get(0).endsWith(" processes of its tree (raise the cap with --max-processes)"), lines.get(0));
            assertEquals("tasks", run.contained().end());
            assertFalse(run.timedOut());
            assertTrue(bystander.isAlive(), "a process outside the program is not touched");
        } finally {
            bystander.destroyForcibly().waitFor();
        }
    }

    @Test
    void aMemoryHogIsStoppedByItsCapWithOneLine() throws Exception {
        Containment held = capsInForce("--max-memory", "64m");
        assertEquals(64L << 20, held.caps().maxMemoryBytes());
        // Four children filling 32 MiB each: together twice the cap, each alone under it.
        CRun run = run("""
                #include <stdio.h>
                #include <stdlib.h>
                #include <string.h>
                #include <unistd.h>
                #include <sys/wait.h>
                int main(void) {
                    for (int i = 0; i < 4; i++) {
                        if (fork() == 0) {
                            char *p = malloc(32 << 20);
                            if (p) memset(p, 1, 32 << 20);
                            printf("%p\\n", (void *) p); /* p escapes: the compiler keeps malloc and memset */
                            for (;;) pause();
                        }
                    }
                    while (wait(0) > 0) { }
                    return 0;
                }
                """, "--max-memory", "64m", "--timeout", "30s");
        List<String> lines = screen.errText().lines().toList();
        assertEquals(1, lines.size(), screen.errText() + run.contained());
        assertTrue(lines.get(0).startsWith("%%c: the program went past its memory cap of 64 MiB and was stopped after "),
                lines.get(0) + run.contained());
        assertEquals("memory", run.contained().end());
    }

    @Test
    void oneProcessPastTheCapSeesMallocFailAndTheLineSaysWhy() throws Exception {
        capsInForce("--max-memory", "64m");
        CRun run = run("""
                #include <stdio.h>
                #include <stdlib.h>
                #include <string.h>
                int main(void) {
                    for (long mib = 0;; mib += 8) {
                        char *p = malloc(8 << 20);
                        if (!p) { printf("malloc failed after %ld MiB\\n", mib); return 1; }
                        memset(p, 1, 8 << 20);
                    }
                }
                """, "--max-memory", "64m");
        assertTrue(screen.outText().startsWith("malloc failed after "), screen.outText());
        assertTrue(screen.errText().contains(" seen against its memory cap of 64 MiB (allocations past the cap fail"), screen.errText());
        assertEquals(1, run.exitCode());
    }

    @Test
    void aDaemonLeftByTheProgramIsStoppedWhenMainEnds() throws Exception {
        CRun run = run("""
                #include <stdio.h>
                #include <unistd.h>
                int main(void) {
                    if (fork() == 0) {
                        setsid();
                        if (fork() == 0) {
                            printf("daemon %d\\n", (int) getpid());
                            fflush(stdout);
                            close(1); close(2);
                            for (;;) pause();
                        }
                        _exit(0);
                    }
                    sleep(1);
                    return 0;
                }
                """);
        long daemon = Long.parseLong(screen.outText().strip().replace("daemon ", ""));
        assertTrue(run.succeeded());
        assertEquals(1, run.contained().leftovers());
        assertTrue(screen.errText().startsWith("%%c: the program ended; 1 process it started (e.g. a daemon) was still"
                + " running when main ended and was stopped"), screen.errText());
        assertFalse(ProcessHandle.of(daemon).map(ProcessHandle::isAlive).orElse(false), "the daemon is gone");
    }

    @Test
    void aTreeForkingAtTheTimeLimitEndsWholeAndPromptly() throws Exception {
        capsInForce();
        // Every process forks a child and waits for it: a chain that grows until the limit.
        CRun run = run("""
                #include <unistd.h>
                #include <sys/wait.h>
                int main(void) {
                    for (int depth = 0; depth < 300; depth++) {
                        usleep(2000);
                        if (fork() != 0) { wait(0); for (;;) pause(); }
                    }
                    for (;;) pause();
                }
                """, "--timeout", "1s");
        assertTrue(run.timedOut(), screen.errText());
        assertTrue(run.contained().leftovers() > 10, "the tree had grown: " + run.contained().leftovers());
        assertTrue(run.seconds() < 1.5, "returned " + run.seconds() + " s after the start of a 1 s limit");
    }
}
