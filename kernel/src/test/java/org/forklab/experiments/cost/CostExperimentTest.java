package org.forklab.experiments.cost;

import org.forklab.experiments.core.BadParameterException;
import org.forklab.experiments.core.Caps;
import org.forklab.experiments.core.ExperimentTimeoutException;
import org.forklab.experiments.core.Samples;
import org.forklab.experiments.core.VirtualThreads;
import org.forklab.experiments.cost.CostResult.ForkPoint;
import org.forklab.experiments.cost.CostResult.LaunchRun;
import org.forklab.experiments.cost.CostResult.Skipped;
import org.forklab.experiments.ipc.NothingLeftBehind;
import org.forklab.experiments.nativeprobe.NativeProbe;
import org.forklab.experiments.nativeprobe.ProbeSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.*;

@ExtendWith(NothingLeftBehind.class)
class CostExperimentTest {

    private static final long MB = CostConfig.MB;

    @TempDir
    Path temp;

    /** Small enough to run in a few seconds on a busy 2-core machine. */
    static CostConfig small() {
        return CostConfig.defaults().withSamples(3).withColdOps(2).withWarmupOps(2).withThroughputBatch(20)
                .withForkTouchBytes(List.of(0L, 4 * MB)).withTimeLimit(Duration.ofSeconds(60));
    }

    @Test
    void everyVariantMeasuredOrSkippedWithItsReason() throws Exception {
        NativeProbe probe = NativeProbe.bundled();
        CostResult r = CostExperiment.run(small(), probe);
        assertEquals("cost", r.experiment());
        int measured = r.variants().size();
        int skipped = (int) r.skipped().stream().filter(s -> !s.label().startsWith("fork after")).count();
        assertEquals(CostVariant.values().length, measured + skipped);
        for (CostResult.VariantSamples v : r.variants()) {
            Samples s = v.samples();
            assertEquals(3, s.size(), s.label());
            assertEquals(2, s.cold().length, s.label());
            assertTrue(s.opsPerSample() >= 1);
            assertEquals(CostExperiment.label(v.variant(), small()), s.label());
            for (double x : s.values()) {
                assertTrue(x > 0, s.label());
            }
        }
        assertEquals(20, r.of(CostVariant.EXECUTOR_THROUGHPUT).orElseThrow().opsPerSample());
        assertEquals("ProcessBuilder start+waitFor /bin/true", r.of(CostVariant.PROCESS_BUILDER).orElseThrow().label());
        assertEquals(VirtualThreads.available(), r.of(CostVariant.VIRTUAL_THREAD).isPresent());
        if (!VirtualThreads.available()) {
            assertTrue(r.skipped().contains(new Skipped("virtual thread start+join", VirtualThreads.unavailableReason())));
        }
        if (probe.availability().isEmpty()) {
            assertEquals("fork+exec+waitpid /bin/true", r.of(CostVariant.FORK_EXEC).orElseThrow().label());
            assertTrue(r.of(CostVariant.PTHREAD).isPresent());
            // the sweep: one baseline, then 4 MB with each page kind THP allows
            ForkPoint base = r.forkSweep().get(0);
            assertEquals(0, base.touchBytes());
            assertEquals("fork+_exit+waitpid after touching no memory", base.samples().label());
            assertEquals("fork() call alone after touching no memory", base.forkCall().label());
            assertEquals(3, base.forkCall().size());
            for (ForkPoint p : r.forkSweep()) {
                double[] whole = p.samples().values();
                double[] call = p.forkCall().values();
                for (int i = 0; i < whole.length; i++) {
                    // timed inside the same forks: the call is a part of the whole, sample by sample
                    assertTrue(call[i] > 0 && call[i] <= whole[i], p.touchBytes() + ": " + call[i] + " > " + whole[i]);
                }
            }
            assertTrue(r.forkSweep().stream().anyMatch(p -> p.touchBytes() == 4 * MB && p.pages() == PageKind.SMALL));
            boolean thp = !Set.of("never", "unavailable").contains(r.environment().transparentHugePages());
            assertEquals(thp, r.forkSweep().stream().anyMatch(p -> p.pages() == PageKind.HUGE));
            assertEquals(thp ? 3 : 2, r.forkSweep().size());
        }
        assertEquals(r.variants().size() + 2 * r.forkSweep().size(), r.samples().size());
        assertEquals(r.environment().launchMechanism(), r.settings().get(CostSetting.LAUNCH_MECHANISM));
        assertEquals("scheduler, nothing pinned, CPUs " + r.environment().cpuAffinity(), r.settings().get(CostSetting.PLACEMENT));
        assertEquals("this JVM", r.settings().get(CostSetting.JAVA_VENUE));
        assertEquals(List.of("variants", "samples"), r.settings().byLabel().keySet().stream().limit(2).toList(), "stable order");
    }

    @Test
    void withoutTheProbeNativeVariantsAreSkippedWithTheOneLineReason() throws Exception {
        ClassLoader empty = new URLClassLoader(new URL[]{temp.toUri().toURL()}, null);
        NativeProbe missing = NativeProbe.from(new ProbeSource(empty, "none/", List.of("cc"), temp.resolve("cache")));
        String reason = missing.availability().orElseThrow();
        CostResult r = CostExperiment.run(small().withVariants(List.of(CostVariant.PLATFORM_THREAD, CostVariant.FORK,
                CostVariant.POSIX_SPAWN)), missing);
        assertEquals(List.of(CostVariant.PLATFORM_THREAD), r.variants().stream().map(CostResult.VariantSamples::variant).toList());
        assertEquals(List.of(new Skipped("fork+_exit+waitpid", reason), new Skipped("posix_spawn+waitpid /bin/true", reason),
                new Skipped("fork after touching memory", reason)), r.skipped());
        assertEquals(List.of(), r.forkSweep());
        assertEquals(reason, r.settings().get(CostSetting.NATIVE_PROBE));
    }

    @Test
    void launchMechanismsAreComparedInChildJvmsOrReportedUnsupported() throws Exception {
        CostResult r = CostExperiment.run(small().withVariants(List.of()).withForkTouchBytes(List.of())
                .withSamples(2).withWarmupOps(1).withColdOps(1).withLaunchMechanisms(List.of("posix_spawn", "FORK", "VFORK")));
        assertEquals(List.of("POSIX_SPAWN", "FORK", "VFORK"), r.launchMechanisms().stream().map(LaunchRun::mechanism).toList());
        for (LaunchRun run : r.launchMechanisms()) {
            assertNotEquals(run.samples().isPresent(), run.unavailable().isPresent(), run.toString());
            run.samples().ifPresent(s -> {
                assertEquals(2, s.size());
                assertEquals(1, s.cold().length);
                assertTrue(s.label().contains("launchMechanism=" + run.mechanism()), s.label());
            });
            run.unavailable().ifPresent(reason -> assertFalse(reason.contains("\n"), reason));
        }
        // POSIX_SPAWN is the default of every JDK since 12: it must run.
        assertTrue(r.launchMechanisms().get(0).samples().isPresent(), r.launchMechanisms().get(0).toString());
        assertEquals("POSIX_SPAWN,FORK,VFORK", r.settings().get(CostSetting.COMPARED_LAUNCH_MECHANISMS));
    }

    @Test
    void badParametersAreRefusedInOneLine() {
        assertEquals("samples = 0 is out of range: accepted 1 to 100000; try 1",
                assertThrows(BadParameterException.class, () -> CostConfig.defaults().withSamples(0)).getMessage());
        assertEquals("warm-up operations = -1 is out of range: accepted 0 to 1000000; try 0",
                assertThrows(BadParameterException.class, () -> CostConfig.defaults().withWarmupOps(-1)).getMessage());
        assertEquals("exec path 'true' is not an executable file given by its absolute path; try /bin/true",
                assertThrows(BadParameterException.class, () -> CostConfig.defaults().withExecPath("true")).getMessage());
        assertEquals("fork memory (bytes) = -1 is out of range: accepted 0 to " + CostConfig.MAX_FORK_TOUCH_BYTES + "; try 0",
                assertThrows(BadParameterException.class, () -> CostConfig.defaults().withForkTouchBytes(List.of(-1L))).getMessage());
        long available = CostConfig.availableMemory();
        if (available > 0) {
            long tooMuch = available + 1024 * MB;
            Caps wide = new Caps(4, 4, 4, Long.MAX_VALUE);
            String refusal = assertThrows(BadParameterException.class,
                    () -> CostConfig.defaults().withForkTouchBytes(List.of()).withCaps(wide)
                            .withForkTouchBytes(List.of(0L, tooMuch))).getMessage();
            assertTrue(refusal.startsWith("fork memory = " + tooMuch / MB + " MiB is more than this machine's available"
                    + " memory (MemAvailable ") && refusal.contains("; try 0,") && !refusal.contains("\n"), refusal);
            assertTrue(CostConfig.sweepThatFits(CostConfig.defaultSweepBytes()).stream().allMatch(b -> b <= available / 2));
        }
        Caps tight = new Caps(4, 4, 4, MB);
        assertEquals("memory (bytes) = 2097152 is above the safety cap of 1048576 on this machine; lower it, "
                        + "or raise the cap with --max-memory",
                assertThrows(BadParameterException.class,
                        () -> CostConfig.defaults().withForkTouchBytes(List.of(2 * MB)).withCaps(tight)).getMessage());
        assertEquals("threads = 5 is above the safety cap of 4 on this machine; lower it, or raise the cap with --max-threads",
                assertThrows(BadParameterException.class,
                        () -> CostConfig.defaults().withForkTouchBytes(List.of()).withCaps(tight).withExecutorThreads(5)).getMessage());
        assertEquals("launch mechanism 'CLONE' is not known: accepted POSIX_SPAWN, FORK, VFORK",
                assertThrows(BadParameterException.class,
                        () -> CostConfig.defaults().withLaunchMechanisms(List.of("clone"))).getMessage());
        assertEquals("fork memory sweep without page kinds: accepted small, huge; try small,huge",
                assertThrows(BadParameterException.class, () -> CostConfig.defaults().withForkPages(List.of())).getMessage());
        assertEquals("variant 'forks' is not known: accepted " + String.join(", ", CostVariant.words()),
                assertThrows(BadParameterException.class, () -> CostVariant.parse("forks")).getMessage());
        assertEquals("pages 'giant' is not known: accepted small, huge",
                assertThrows(BadParameterException.class, () -> PageKind.parse("giant")).getMessage());
        assertEquals(CostVariant.FORK_EXEC, CostVariant.parse("Fork-Exec"));
    }

    @Test
    void anInterruptStopsAJavaVariantAndLeavesNoChild() throws Exception {
        assertInterruptedWithin(small().withSamples(100_000).withForkTouchBytes(List.of())
                .withVariants(List.of(CostVariant.PROCESS_BUILDER)));
    }

    @Test
    void anInterruptStopsTheProbeAndEverythingBelowIt() throws Exception {
        assertInterruptedWithin(small().withSamples(100_000).withForkTouchBytes(List.of())
                .withVariants(List.of(CostVariant.FORK_EXEC)));
    }

    @Test
    void anInterruptStopsTheExecutorVariants() throws Exception {
        assertInterruptedWithin(small().withSamples(100_000).withThroughputBatch(100_000).withForkTouchBytes(List.of())
                .withVariants(List.of(CostVariant.EXECUTOR_THROUGHPUT)));
    }

    @Test
    void theTimeLimitStopsTheRun() {
        CostConfig endless = small().withSamples(100_000).withForkTouchBytes(List.of()).withTimeLimit(Duration.ofSeconds(1));
        assertThrows(ExperimentTimeoutException.class,
                () -> CostExperiment.run(endless.withVariants(List.of(CostVariant.PLATFORM_THREAD))));
        assertThrows(ExperimentTimeoutException.class,
                () -> CostExperiment.run(endless.withVariants(List.of(CostVariant.FORK))));
    }

    static void assertInterruptedWithin(CostConfig config) throws Exception {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread runner = new Thread(() -> {
            try {
                CostExperiment.run(config);
            } catch (Throwable t) {
                thrown.set(t);
            }
        }, "cost-test-runner");
        runner.start();
        Thread.sleep(700);
        long start = System.nanoTime();
        runner.interrupt();
        runner.join(5_000);
        assertFalse(runner.isAlive(), "the run must end within 5 s of the interrupt");
        assertTrue(System.nanoTime() - start < 5_000_000_000L);
        assertInstanceOf(InterruptedException.class, thrown.get());
    }
}
