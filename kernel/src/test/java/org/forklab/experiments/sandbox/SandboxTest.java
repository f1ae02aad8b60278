package org.forklab.experiments.sandbox;

import org.forklab.experiments.core.ChildResult;
import org.forklab.experiments.core.ChildSpec;
import org.forklab.experiments.core.ProcessTree;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class SandboxTest {

    /** A child main: "exit N" exits with N after printing its heap cap; "sleep" sleeps a minute. */
    public static final class Child {
        public static void main(String[] args) throws InterruptedException {
            System.out.println("maxheap " + (Runtime.getRuntime().maxMemory() >> 20));
            if (args[0].equals("sleep")) {
                Thread.sleep(60_000);
            }
            System.exit(Integer.parseInt(args[1]));
        }
    }

    @AfterEach
    void nothingLeftBehind() {
        assertEquals(List.of(), ProcessTree.descendants());
        assertEquals(List.of(), ProcessTree.zombieChildren());
    }

    @Test
    void childGetsTheHeapCapAndItsExitStatusComesBack() throws Exception {
        ChildResult r = Sandbox.run(Child.class, List.of("exit", "5"), SandboxLimits.defaults().withHeapBytes(32L << 20), List.of());
        assertEquals(5, r.exitCode());
        int heap = Integer.parseInt(r.stdoutLines().get(0).split(" ")[1]);
        assertTrue(heap > 0 && heap <= 32, "max heap " + heap + " MiB");
        assertTrue(Sandbox.jvmOptions(SandboxLimits.defaults(), List.of("-Xint")).containsAll(
                List.of("-Xmx64m", "-XX:-CreateCoredumpOnCrash", "-Xint")));
    }

    @Test
    void runAllReportsEachChildAndStopsTheOneThatOverrunsItsLimit() throws Exception {
        SandboxLimits quick = SandboxLimits.defaults().withTimeLimit(Duration.ofSeconds(2));
        List<ChildResult> results = Sandbox.runAll(List.of(
                Sandbox.spec(Child.class, List.of("exit", "0"), SandboxLimits.defaults(), List.of()),
                Sandbox.spec(Child.class, List.of("sleep", "0"), quick, List.of())));
        assertTrue(results.get(0).succeeded(), results.get(0).describeFailure());
        assertTrue(results.get(1).timedOut());
        assertEquals(List.of(), Sandbox.runAll(List.of()));
    }

    @Test
    void interruptKillsEveryChildOfRunAll() throws Exception {
        List<ChildSpec> sleepers = List.of(
                Sandbox.spec(Child.class, List.of("sleep", "0"), SandboxLimits.defaults(), List.of()),
                Sandbox.spec(Child.class, List.of("sleep", "0"), SandboxLimits.defaults(), List.of()));
        Throwable[] thrown = new Throwable[1];
        Thread runner = new Thread(() -> {
            try {
                Sandbox.runAll(sleepers);
            } catch (Throwable t) {
                thrown[0] = t;
            }
        });
        runner.start();
        Thread.sleep(800);
        runner.interrupt();
        runner.join(10_000);
        assertFalse(runner.isAlive());
        assertInstanceOf(InterruptedException.class, thrown[0]);
        assertEquals(0, Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("forklab-sandbox-")).count());
    }

    @Test
    void refusesLimitsOutsideTheirRangeInOneLine() {
        assertEquals("sandbox time limit (ms) = 50 is out of range: accepted 100 to 600000; try 100",
                assertThrows(IllegalArgumentException.class,
                        () -> SandboxLimits.defaults().withTimeLimit(Duration.ofMillis(50))).getMessage());
    }
}
