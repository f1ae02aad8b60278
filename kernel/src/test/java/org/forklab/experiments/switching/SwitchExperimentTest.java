package org.forklab.experiments.switching;

import org.forklab.experiments.core.BadParameterException;
import org.forklab.experiments.core.Cpus;
import org.forklab.experiments.core.ExperimentTimeoutException;
import org.forklab.experiments.core.ProcessTree;
import org.forklab.experiments.core.Samples;
import org.forklab.experiments.nativeprobe.NativeProbe;
import org.forklab.experiments.nativeprobe.ProbeSource;
import org.forklab.experiments.switching.SwitchResult.Run;
import org.forklab.experiments.switching.SwitchResult.Skipped;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

class SwitchExperimentTest {

    @TempDir
    Path temp;

    private static SwitchConfig small() {
        return SwitchConfig.defaults().withRuns(2).withSamples(5).withWarmup(10).withColdOps(2)
                .withTimeLimit(Duration.ofSeconds(60));
    }

    @AfterEach
    void nothingLeftBehind() {
        assertEquals(List.of(), ProcessTree.descendants());
        assertEquals(List.of(), ProcessTree.zombieChildren());
        Set<String> left = Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.startsWith("forklab-switch")).collect(Collectors.toSet());
        assertEquals(Set.of(), left, "no ping-pong thread may outlive its run");
    }

    @Test
    void everyModeAndPlacementHasItsOwnRunsOrAReason() throws Exception {
        SwitchResult r = SwitchExperiment.run(small());
        List<Integer> cpus = Cpus.parseList(r.environment().cpuAffinity());
        assertEquals("switching", r.experiment());
        for (SwitchMode mode : SwitchMode.values()) {
            for (Placement placement : Placement.values()) {
                List<Run> runs = r.runsOf(mode, placement);
                List<Skipped> skipped = r.skipped().stream()
                        .filter(s -> s.mode() == mode && s.placement() == placement).toList();
                assertEquals(1, (runs.isEmpty() ? 0 : 1) + skipped.size(), mode + " " + placement);
                if (runs.isEmpty()) {
                    assertFalse(skipped.get(0).reason().contains("\n"));
                    continue;
                }
                assertEquals(List.of(0, 1), runs.stream().map(Run::run).toList(), "runs are kept apart, in order");
                assertEquals(2, r.runMedians(mode, placement).length);
                for (Run run : runs) {
                    Samples s = run.roundTrip();
                    assertEquals(5, s.size());
                    assertEquals(2, s.cold().length);
                    assertEquals(SwitchExperiment.label(mode, placement, run.run()), s.label());
                    assertTrue(run.medianRoundTripNs() > 0);
                    assertEquals(run.medianRoundTripNs() / 2, run.medianPerSwitchNs());
                    assertEquals(s.values()[0] / 2, run.perSwitch().values()[0]);
                    assertTrue(run.perSwitch().label().endsWith("per handoff (round trip / 2)"), run.perSwitch().label());
                    // Pinning is checked where it can be seen: the CPU each side last ran on.
                    if (placement == Placement.SAME_CPU) {
                        assertEquals(List.of(cpus.get(0), cpus.get(0)), List.of(run.initiatorCpu(), run.partnerCpu()), s.label());
                    } else if (placement == Placement.TWO_CPUS) {
                        assertEquals(List.of(cpus.get(0), cpus.get(1)), List.of(run.initiatorCpu(), run.partnerCpu()), s.label());
                    }
                }
            }
        }
        assertEquals(r.runs().size(), r.samples().size());
        assertTrue(r.settings().get(SwitchSetting.JAVA_PINNING).contains("taskset") || r.settings().get(SwitchSetting.JAVA_PINNING).startsWith("unavailable"));
        assertEquals("not pinned", r.settings().get(SwitchSetting.SCHEDULER_PLACEMENT));
        assertTrue(r.settings().get(SwitchSetting.SAME_CPU_PLACEMENT).startsWith("both sides pinned to CPU "));
    }

    @Test
    void withoutTheProbeNativeModesAreSkippedAndJavaModesStillRun() throws Exception {
        ClassLoader empty = new URLClassLoader(new URL[]{temp.toUri().toURL()}, null);
        NativeProbe missing = NativeProbe.from(new ProbeSource(empty, "none/", List.of("cc"), temp.resolve("cache")));
        String reason = missing.availability().orElseThrow();
        SwitchResult r = SwitchExperiment.run(small().withModes(List.of(SwitchMode.PROCESS_PIPE, SwitchMode.JAVA_HANDOFF))
                .withPlacements(List.of(Placement.SCHEDULER)), missing);
        assertEquals(List.of(new Skipped(SwitchMode.PROCESS_PIPE, Placement.SCHEDULER, reason)), r.skipped());
        assertEquals(2, r.runsOf(SwitchMode.JAVA_HANDOFF, Placement.SCHEDULER).size());
        assertEquals("unavailable: " + reason, r.settings().get(SwitchSetting.NATIVE_PINNING));
    }

    @Test
    void badParametersAreRefusedInOneLine() {
        assertEquals("runs = 0 is out of range: accepted 1 to 1000; try 1",
                assertThrows(BadParameterException.class, () -> SwitchConfig.defaults().withRuns(0)).getMessage());
        assertEquals("samples = -3 is out of range: accepted 1 to 100000; try 1",
                assertThrows(BadParameterException.class, () -> SwitchConfig.defaults().withSamples(-3)).getMessage());
        assertEquals("no mode given: accepted thread-pipe, process-pipe, thread-futex, java-pipe, java-handoff; try thread-pipe,process-pipe",
                assertThrows(BadParameterException.class, () -> SwitchConfig.defaults().withModes(List.of())).getMessage());
        assertEquals("no placement given: accepted same-cpu, two-cpus, scheduler; try same-cpu",
                assertThrows(BadParameterException.class, () -> SwitchConfig.defaults().withPlacements(List.of())).getMessage());
        assertEquals("placement 'same' is not known: accepted same-cpu, two-cpus, scheduler",
                assertThrows(BadParameterException.class, () -> Placement.parse("same")).getMessage());
        assertEquals("mode 'futex' is not known: accepted thread-pipe, process-pipe, thread-futex, java-pipe, java-handoff",
                assertThrows(BadParameterException.class, () -> SwitchMode.parse("futex")).getMessage());
        assertEquals(Placement.TWO_CPUS, Placement.parse("Two-CPUs"));
    }

    @Test
    void cpuListsAreRead() {
        assertEquals(List.of(0, 1, 2, 5), Cpus.parseList("0-2,5"));
        assertEquals(List.of(3), Cpus.parseList("3"));
        assertEquals(List.of(), Cpus.parseList("unknown"));
    }

    @Test
    void interruptingALongNativePingPongStopsItAndLeavesNoProcess() throws Exception {
        assertInterruptedWithin(endless(SwitchMode.PROCESS_PIPE));
    }

    @Test
    void interruptingALongJavaPingPongStopsBothThreads() throws Exception {
        assertInterruptedWithin(endless(SwitchMode.JAVA_PIPE));
        assertInterruptedWithin(endless(SwitchMode.JAVA_HANDOFF));
    }

    @Test
    void theTimeLimitStopsNativeAndJavaPingPongs() {
        for (SwitchMode mode : List.of(SwitchMode.THREAD_FUTEX, SwitchMode.JAVA_HANDOFF)) {
            assertThrows(ExperimentTimeoutException.class,
                    () -> SwitchExperiment.run(endless(mode).withTimeLimit(Duration.ofSeconds(1))), mode.word());
        }
    }

    /** Minutes of ping-pong unless stopped. */
    private static SwitchConfig endless(SwitchMode mode) {
        return small().withModes(List.of(mode)).withPlacements(List.of(Placement.SCHEDULER)).withRuns(1)
                .withSamples(100_000).withRoundTripsPerSample(1_000).withTimeLimit(Duration.ofSeconds(600));
    }

    private static void assertInterruptedWithin(SwitchConfig config) throws Exception {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread runner = new Thread(() -> {
            try {
                SwitchExperiment.run(config);
            } catch (Throwable t) {
                thrown.set(t);
            }
        }, "switch-test-runner");
        runner.start();
        Thread.sleep(700);
        runner.interrupt();
        runner.join(5_000);
        assertFalse(runner.isAlive(), "the run must end within 5 s of the interrupt");
        assertInstanceOf(InterruptedException.class, thrown.get(), String.valueOf(thrown.get()));
    }
}
