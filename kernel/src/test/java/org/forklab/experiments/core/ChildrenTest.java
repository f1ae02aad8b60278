package org.forklab.experiments.core;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class ChildrenTest {

    @Test
    void drainsLargeOutputOnBothStreamsWithoutHanging() throws Exception {
        // 4 MB on each stream: far beyond a pipe buffer, so a one-stream reader would deadlock.
        ChildResult r = Children.run(ChildSpec.of(List.of("sh", "-c",
                "head -c 4000000 /dev/zero | tr '\\0' 'a' | fold -w 100; head -c 4000000 /dev/zero | tr '\\0' 'b' | fold -w 100 >&2"),
                Duration.ofSeconds(30)));
        assertTrue(r.succeeded(), r.describeFailure());
        assertEquals(40_000, r.stdoutLines().size());
        assertEquals(30, r.stderrTail().split("\n").length);
    }

    @Test
    void reportsTheSignalThatKilledTheChild() throws Exception {
        ChildResult r = Children.run(ChildSpec.of(List.of("sh", "-c", "echo boom >&2; kill -SEGV $$"), Duration.ofSeconds(10)));
        assertEquals("SIGSEGV", r.signal().orElseThrow().name());
        assertTrue(r.describeFailure().contains("was killed by SIGSEGV (11)"), r.describeFailure());
        assertTrue(r.describeFailure().endsWith("boom"), r.describeFailure());
    }

    @Test
    void timeOutKillsTheWholeTreeAndLeavesNothing() throws Exception {
        ChildResult r = Children.run(ChildSpec.of(List.of("sh", "-c", "sleep 60 & sleep 60 & wait"), Duration.ofMillis(300)));
        assertTrue(r.timedOut());
        assertEquals(List.of(), ProcessTree.descendants());
        assertEquals(List.of(), ProcessTree.zombieChildren());
    }

    @Test
    void aTreeStillForkingWhenKilledLeavesNoProcessAnywhere() throws Exception {
        // A marker no other process has, to find escapes that init adopted (they are not below us).
        String marker = "59." + ProcessHandle.current().pid() + System.nanoTime() % 1000;
        ChildResult r = Children.run(ChildSpec.of(List.of("sh", "-c",
                "for i in $(seq 300); do sh -c 'sleep " + marker + " & sleep " + marker + "' & done; wait"),
                Duration.ofMillis(150)));
        assertTrue(r.timedOut());
        assertEquals(List.of(), ProcessTree.descendants());
        Thread.sleep(200);
        assertEquals(List.of(), ProcessHandle.allProcesses()
                .filter(p -> p.info().arguments().map(a -> List.of(a).contains(marker)).orElse(false))
                .map(ProcessHandle::pid).toList());
    }

    @Test
    void streamsLinesAsTheyArrive() throws Exception {
        List<String> seen = new ArrayList<>();
        ChildResult r = Children.run(ChildSpec.of(List.of("printf", "one\\ntwo\\n"), Duration.ofSeconds(10))
                .streaming(seen::add, line -> { }));
        assertTrue(r.succeeded());
        assertEquals(List.of("one", "two"), seen);
    }

    @Test
    void interruptKillsTheChildAndRethrows() throws Exception {
        Thread caller = Thread.currentThread();
        Thread interrupter = new Thread(() -> {
            try {
                Thread.sleep(200);
            } catch (InterruptedException ignored) {
                return;
            }
            caller.interrupt();
        });
        interrupter.start();
        assertThrows(InterruptedException.class,
                () -> Children.run(ChildSpec.of(List.of("sleep", "60"), Duration.ofSeconds(60))));
        interrupter.join();
        assertEquals(List.of(), ProcessTree.descendants());
    }
}
