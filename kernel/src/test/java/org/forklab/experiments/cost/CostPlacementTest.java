package org.forklab.experiments.cost;

import org.forklab.experiments.core.BadParameterException;
import org.forklab.experiments.core.Cpus;
import org.forklab.experiments.core.Environment;
import org.forklab.experiments.core.ExperimentTimeoutException;
import org.forklab.experiments.core.Programs;
import org.forklab.experiments.cost.CostResult.ForkRun;
import org.forklab.experiments.cost.CostResult.LaunchRun;
import org.forklab.experiments.cost.CostResult.Skipped;
import org.forklab.experiments.cost.CostResult.VariantSamples;
import org.forklab.experiments.ipc.NothingLeftBehind;
import org.forklab.experiments.nativeprobe.NativeProbe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Placement (one CPU or the scheduler's choice) and Java variants measured in several fresh child JVMs. */
@ExtendWith(NothingLeftBehind.class)
class CostPlacementTest {

    private static final List<CostVariant> JAVA = List.of(CostVariant.PLATFORM_THREAD, CostVariant.PROCESS_BUILDER);

    private static CostConfig small(List<CostVariant> variants) {
        return CostExperimentTest.small().withForkTouchBytes(List.of()).withVariants(variants);
    }

    private static int firstAllowedCpu() {
        return Cpus.parseList(Environment.current().cpuAffinity()).get(0);
    }

    @Test
    void oneCpuPinsTheNativeVariantsAndTheSettingsSaySo() throws Exception {
        NativeProbe probe = NativeProbe.bundled();
        assumeTrue(probe.availability().isEmpty(), () -> probe.availability().orElse(""));
        int cpu = firstAllowedCpu();
        CostResult r = CostExperiment.run(small(List.of(CostVariant.PTHREAD, CostVariant.FORK))
                .withForkTouchBytes(List.of(0L)).withPlacement(CostPlacement.ONE_CPU), probe);
        assertEquals(List.of(CostVariant.PTHREAD, CostVariant.FORK), r.variants().stream().map(VariantSamples::variant).toList());
        for (VariantSamples v : r.variants()) {
            assertEquals(cpu, v.cpu(), "the probe reports the CPU it measured on: " + v.samples().label());
            assertEquals(List.of(), v.forks());
        }
        assertEquals(1, r.forkSweep().size(), "the sweep runs pinned too");
        assertEquals("one-cpu, CPU " + cpu, r.settings().get(CostSetting.PLACEMENT));
        assertEquals(String.valueOf(cpu), r.settings().get(CostSetting.PINNED_CPU));
    }

    @Test
    void twoForksGiveTwoSampleSetsPerJavaVariantFromTwoChildJvms() throws Exception {
        CostResult r = CostExperiment.run(small(JAVA).withForks(2));
        assertEquals(JAVA, r.variants().stream().map(VariantSamples::variant).toList());
        long own = ProcessHandle.current().pid();
        for (VariantSamples v : r.variants()) {
            List<ForkRun> forks = v.forks();
            assertEquals(List.of(1, 2), forks.stream().map(ForkRun::fork).toList());
            Set<Long> pids = forks.stream().map(ForkRun::pid).collect(Collectors.toSet());
            assertEquals(2, pids.size(), "two distinct child JVMs: " + forks);
            assertFalse(pids.contains(own), "not measured in this JVM");
            for (ForkRun f : forks) {
                assertEquals(3, f.samples().size());
                assertEquals(2, f.samples().cold().length, "each JVM has its own cold operations");
                assertTrue(f.samples().label().endsWith(", child JVM " + f.fork()), f.samples().label());
                assertTrue(f.median() > 0);
            }
            assertEquals(6, v.samples().size(), "the summary row pools both JVMs");
            assertTrue(v.samples().label().endsWith(" (2 child JVMs, pooled)"), v.samples().label());
            assertEquals(2, v.forkMedians().length);
        }
        // Each JVM measured every variant: the same two pids for both.
        assertEquals(r.variants().get(0).forks().stream().map(ForkRun::pid).toList(),
                r.variants().get(1).forks().stream().map(ForkRun::pid).toList());
        assertEquals(4, r.samples().size(), "saved as each JVM's own samples, never the pool");
        assertEquals("2", r.settings().get(CostSetting.FORKS));
        assertEquals("2 fresh child JVMs", r.settings().get(CostSetting.JAVA_VENUE));
    }

    @Test
    void oneCpuMeasuresJavaVariantsInAChildJvmStartedUnderTaskset() throws Exception {
        assumeTrue(Programs.onPath("taskset").isPresent(), "taskset (util-linux) is not installed");
        int cpu = firstAllowedCpu();
        CostResult r = CostExperiment.run(small(List.of(CostVariant.PLATFORM_THREAD)).withPlacement(CostPlacement.ONE_CPU));
        VariantSamples v = r.variants().get(0);
        ForkRun only = v.forks().get(0);
        assertEquals(1, v.forks().size(), "one-cpu with forks 0 still needs one child JVM: this one stays unpinned");
        assertNotEquals(ProcessHandle.current().pid(), only.pid());
        assertEquals(String.valueOf(cpu), only.cpusAllowed(), "the child JVM may use only the pinned CPU");
        assertEquals(cpu, only.cpu());
        assertEquals(cpu, v.cpu());
        assertTrue(r.settings().get(CostSetting.JAVA_VENUE).startsWith("1 fresh child JVM, started as "),
                r.settings().get(CostSetting.JAVA_VENUE));
        assertTrue(r.settings().get(CostSetting.JAVA_VENUE).endsWith("taskset -c " + cpu + " java ..."),
                r.settings().get(CostSetting.JAVA_VENUE));
    }

    @Test
    void withoutTasksetPinnedJavaVariantsAreSkippedWithTheReason() throws Exception {
        NativeProbe probe = NativeProbe.bundled();
        CostResult r = CostExperiment.run(small(List.of(CostVariant.PLATFORM_THREAD, CostVariant.PROCESS_BUILDER,
                        CostVariant.PTHREAD)).withPlacement(CostPlacement.ONE_CPU).withForks(2)
                        .withLaunchMechanisms(List.of("POSIX_SPAWN")), probe, Optional.empty());
        String reason = "pinning a JVM to one CPU needs taskset from util-linux, which is not on the PATH;"
                + " install util-linux or use placement scheduler";
        assertEquals(List.of(new Skipped("platform thread start+join", reason),
                new Skipped("ProcessBuilder start+waitFor /bin/true", reason)), r.skipped().stream()
                .filter(s -> !s.label().startsWith("pthread")).toList());
        assertEquals(List.of(new LaunchRun("POSIX_SPAWN", Optional.empty(), Optional.empty(), Optional.of(reason))),
                r.launchMechanisms());
        // Native variants pin themselves and need no taskset.
        assertEquals(probe.availability().isEmpty(), r.of(CostVariant.PTHREAD).isPresent());
    }

    @Test
    void badPlacementAndForksAreRefusedInOneLine() {
        assertEquals("forks = -1 is out of range: accepted 0 to 10; try 0",
                assertThrows(BadParameterException.class, () -> CostConfig.defaults().withForks(-1)).getMessage());
        assertEquals("forks = 11 is out of range: accepted 0 to 10; try 10",
                assertThrows(BadParameterException.class, () -> CostConfig.defaults().withForks(11)).getMessage());
        assertEquals("placement 'two' is not known: accepted scheduler, one-cpu",
                assertThrows(BadParameterException.class, () -> CostPlacement.parse("two")).getMessage());
        assertEquals(CostPlacement.ONE_CPU, CostPlacement.parse("One-CPU"));
        assertEquals(0, CostConfig.defaults().javaForks());
        assertEquals(1, CostConfig.defaults().withPlacement(CostPlacement.ONE_CPU).javaForks());
        assertEquals(3, CostConfig.defaults().withPlacement(CostPlacement.ONE_CPU).withForks(3).javaForks());
    }

    @Test
    void anInterruptKillsTheChildJvms() throws Exception {
        CostExperimentTest.assertInterruptedWithin(small(List.of(CostVariant.PROCESS_BUILDER)).withSamples(100_000)
                .withForks(2));
    }

    @Test
    void theTimeLimitReachesTheChildJvm() {
        long start = System.nanoTime();
        assertThrows(ExperimentTimeoutException.class, () -> CostExperiment.run(small(List.of(CostVariant.PROCESS_BUILDER))
                .withSamples(100_000).withForks(3).withTimeLimit(Duration.ofSeconds(2))));
        assertTrue(System.nanoTime() - start < 6_000_000_000L, "the child stops at the run's remaining time");
    }
}
