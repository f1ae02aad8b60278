package org.forklab.magics.readings;

import org.forklab.experiments.core.Settings;
import org.forklab.stats.Unit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.forklab.experiments.c10k.C10kConfig;
import org.forklab.experiments.c10k.C10kPoint;
import org.forklab.experiments.c10k.C10kResult;
import org.forklab.experiments.c10k.ServerMemory;
import org.forklab.experiments.core.Environment;
import org.forklab.experiments.core.Samples;
import org.forklab.experiments.cost.CostResult;
import org.forklab.experiments.cost.CostVariant;
import org.forklab.experiments.cost.PageKind;
import org.forklab.experiments.faults.FaultConfig;
import org.forklab.experiments.faults.FaultKind;
import org.forklab.experiments.faults.FaultMode;
import org.forklab.experiments.faults.FaultOutcome;
import org.forklab.experiments.faults.FaultResult;
import org.forklab.experiments.faults.ProcessEnd;
import org.forklab.experiments.faults.WorkerEnd;
import org.forklab.experiments.race.RaceConfig;
import org.forklab.experiments.race.RaceOutcome;
import org.forklab.experiments.race.RaceResult;
import org.forklab.experiments.race.RaceVariant;
import org.forklab.experiments.scale.ScaleConfig;
import org.forklab.experiments.scale.ScaleKind;
import org.forklab.experiments.scale.ScalePoint;
import org.forklab.experiments.scale.ScaleResult;
import org.forklab.experiments.switching.Placement;
import org.forklab.experiments.switching.SwitchMode;
import org.forklab.experiments.switching.SwitchResult;
import org.junit.jupiter.api.Test;

/** Each experiment's reading on synthetic results whose branch is known by construction. */
class ExperimentReadingsTest {
    static {
        org.forklab.magics.MagicCatalog.experiments(); // the readings are registered with their experiments
    }
    private static final Environment ENV = Environment.current();

    private static CostResult cost(double pthreadNs, double[] fork) {
        List<CostResult.VariantSamples> v = new ArrayList<>();
        v.add(new CostResult.VariantSamples(CostVariant.PTHREAD, Synthetic.ns("pthread_create+join", Synthetic.around(pthreadNs, 40))));
        if (fork != null) {
            v.add(new CostResult.VariantSamples(CostVariant.FORK, Synthetic.ns("fork+_exit+waitpid", fork)));
        }
        return new CostResult(ENV, Settings.none(), v, List.of(), List.of(), List.of());
    }

    @Test
    void spawnClearlyCheaperWithTheClaimsVerdict() {
        String r = Readings.of(cost(5_000, Synthetic.around(500_000, 40))).orElseThrow().prose();
        assertTrue(r.startsWith("Creating work: fork+_exit+waitpid takes 100× as long as pthread_create+join (95 % CI"), r);
        // pthread 5 µs inside 2–10 µs, fork 500 µs above 50–100 µs
        assertTrue(r.contains("Against the lesson's 2 claims measured here: one holds (pthread-create); fork-minimal measured"
                + " 500 µs"), r);
        assertTrue(r.contains("likely cause for fork-minimal: "), r);
        assertEquals(2, r.split("\\. ").length, r);
    }

    @Test
    void spawnNoDetectableDifferenceBimodalAndNotMeasured() {
        assertTrue(Readings.of(cost(5_000, Synthetic.around(5_000, 40))).orElseThrow().prose()
                .contains("no detectable difference between pthread_create+join and fork+_exit+waitpid"));
        assertTrue(Readings.of(cost(5_000, Synthetic.twoClusters(60_000, 600_000, 60))).orElseThrow().prose()
                .contains("fork+_exit+waitpid fell in two clusters"));
        // one mechanism only: its figure and how to get a comparison, not "fork was not measured"
        String single = Readings.of(cost(5_000, null)).orElseThrow().prose();
        assertTrue(single.startsWith("Creating work: only pthread_create+join was measured in this run; add a process"
                + " (e.g. -v pthread,fork) to see a thread against a process."), single);
        assertTrue(single.contains("The lesson's claim holds here: 5.00 µs"), single);
    }

    private static CostResult.ForkPoint point(long mib, PageKind pages, double medianNs) {
        Samples s = Synthetic.ns("fork", Synthetic.around(medianNs, 20));
        return new CostResult.ForkPoint(mib << 20, pages, 0, s, s);
    }

    @Test
    void forkSweepIsReadAsSlopesPerGiB() {
        List<CostResult.VariantSamples> v = List.of(new CostResult.VariantSamples(CostVariant.FORK,
                Synthetic.ns("fork+_exit+waitpid", Synthetic.around(150_000, 20))));
        List<CostResult.ForkPoint> sweep = List.of(point(0, PageKind.SMALL, 150_000),
                point(256, PageKind.SMALL, 25_150_000), point(512, PageKind.SMALL, 50_150_000),
                point(1024, PageKind.SMALL, 100_150_000),
                point(256, PageKind.HUGE, 300_000), point(512, PageKind.HUGE, 450_000), point(1024, PageKind.HUGE, 750_000));
        String r = Readings.of(new CostResult(ENV, Settings.none(), v, sweep, List.of(), List.of()))
                .orElseThrow().prose();
        // 100 ms per GiB with 4 KB pages, 0.6 ms per GiB with huge pages: read as slopes, not "pthread was not measured"
        assertTrue(r.startsWith("Fork after touching memory: with 4 KB pages each GiB touched added 100 ms (95 % CI "), r);
        assertTrue(r.contains("; with transparent huge pages each GiB touched added 600 µs (95 % CI "), r);
        assertTrue(r.contains(", so with huge pages each GiB cost about 167× less"), r);
    }

    /** 100 ms per GiB with 4 KB pages; with huge pages the given medians at 256 MiB, 512 MiB and 1 GiB. */
    private static String sweepReading(double... hugeMedians) {
        List<CostResult.VariantSamples> v = List.of(new CostResult.VariantSamples(CostVariant.FORK,
                Synthetic.ns("fork+_exit+waitpid", Synthetic.around(150_000, 20))));
        List<CostResult.ForkPoint> sweep = new ArrayList<>(List.of(point(0, PageKind.SMALL, 150_000),
                point(256, PageKind.SMALL, 25_150_000), point(512, PageKind.SMALL, 50_150_000),
                point(1024, PageKind.SMALL, 100_150_000)));
        long[] mib = {256, 512, 1024};
        for (int i = 0; i < mib.length; i++) {
            sweep.add(point(mib[i], PageKind.HUGE, hugeMedians[i]));
        }
        return Readings.of(new CostResult(ENV, Settings.none(), v, sweep, List.of(), List.of())).orElseThrow().prose();
    }

    @Test
    void hugePagesAreComparedOnlyAsFarAsTheSlopesIntervalsAllow() {
        // no growth at all, and no growth under noise (r² near 0): a finding, not "do not fall on a line"
        for (String flat : List.of(sweepReading(150_000, 150_000, 150_000), sweepReading(170_000, 140_000, 160_000))) {
            assertTrue(flat.contains("with transparent huge pages the memory touched added no cost this run could detect"
                    + " (95 % CI "), flat);
            assertTrue(flat.contains(", so huge pages took away all the growth this run could detect"), flat);
            assertFalse(flat.contains("× less") || flat.contains("do not fall on a line"), flat);
        }
        String dearer = sweepReading(75_150_000, 150_150_000, 300_150_000);
        assertTrue(dearer.contains(", so with huge pages each GiB cost more, not less: see the AnonHugePages note"), dearer);
        // the same slope as small pages: the intervals overlap, and no ratio is claimed
        String same = sweepReading(25_150_000, 50_150_000, 100_150_000);
        assertTrue(same.contains("; the two slopes' 95 % intervals overlap, so this run shows no saving from huge pages"), same);
        assertFalse(same.contains("× less") || same.contains("cost more"), same);
    }

    @Test
    void aForkAfterOneSizeOfMemoryIsReadAsItsTimeNotAsNothingMeasured() {
        // the lesson's control panel: one size, one page kind, no untouched point
        List<CostResult.VariantSamples> v = List.of(new CostResult.VariantSamples(CostVariant.FORK,
                Synthetic.ns("fork+_exit+waitpid", Synthetic.around(150_000, 20))));
        String r = Readings.of(new CostResult(ENV, Settings.none(), v, List.of(point(64, PageKind.SMALL, 2_500_000)),
                List.of(), List.of())).orElseThrow().prose();
        assertTrue(r.startsWith("Fork after touching memory: with 64.0 MiB touched in 4 KB pages a fork+_exit+waitpid took a"
                + " median 2.50 ms; one size per page kind gives no slope against memory: add sizes (--fork-memory)."), r);
    }

    @Test
    void spawnWithoutAThreadProcessPairComparesTheTwoMeasured() {
        List<CostResult.VariantSamples> v = List.of(
                new CostResult.VariantSamples(CostVariant.PLATFORM_THREAD, Synthetic.ns("platform thread start+join",
                        Synthetic.around(100_000, 40))),
                new CostResult.VariantSamples(CostVariant.VIRTUAL_THREAD, Synthetic.ns("virtual thread start+join",
                        Synthetic.around(2_000, 40))));
        String r = Readings.of(new CostResult(ENV, Settings.none(), v, List.of(), List.of(), List.of()))
                .orElseThrow().prose();
        assertTrue(r.startsWith("Creating work: platform thread start+join takes 50.0× as long as virtual thread start+join"),
                r);
    }

    private static SwitchResult pingpong(double processNs, double threadNs) {
        List<SwitchResult.Run> runs = List.of(
                new SwitchResult.Run(SwitchMode.PROCESS_PIPE, Placement.SAME_CPU, 1,
                        Samples.of("round trip", Unit.NANOSECONDS, Synthetic.around(processNs, 40)), 0, 0),
                new SwitchResult.Run(SwitchMode.THREAD_PIPE, Placement.SAME_CPU, 1,
                        Samples.of("round trip", Unit.NANOSECONDS, Synthetic.around(threadNs, 40)), 0, 0));
        return new SwitchResult(ENV, Settings.none(), runs, List.of());
    }

    @Test
    void pingpongCallsItARoundTripAndExplainsNoDifference() {
        String same = Readings.of(pingpong(4_000, 4_000)).orElseThrow().prose();
        assertTrue(same.startsWith("A pipe round trip (same-cpu): no detectable difference between processes and threads"), same);
        assertTrue(same.contains("switching address spaces adds little here"), same);
        String apart = Readings.of(pingpong(8_000, 4_000)).orElseThrow().prose();
        assertTrue(apart.contains("processes takes 2.00× as long as threads"), apart);
        assertFalse(apart.contains("adds little"), apart);
    }

    private static RaceOutcome outcome(RaceVariant v, long[] counted, double nsPerIncrement, OptionalLong parent) {
        return new RaceOutcome(v, 2_000_000, counted, new long[0][], parent, new long[] {5, 5, 5},
                Samples.of(v.label(), Unit.NANOSECONDS, Synthetic.around(nsPerIncrement, 3)));
    }

    @Test
    void raceLostUpdatesProcessesAndTheCheapestFix() {
        RaceResult r = new RaceResult(RaceConfig.defaults(), ENV, List.of(
                outcome(RaceVariant.VOLATILE, new long[] {1_200_000, 1_300_000, 1_250_000}, 2, OptionalLong.empty()),
                outcome(RaceVariant.ATOMIC, new long[] {2_000_000, 2_000_000, 2_000_000}, 10, OptionalLong.empty()),
                outcome(RaceVariant.SYNCHRONIZED, new long[] {2_000_000, 2_000_000, 2_000_000}, 40, OptionalLong.empty()),
                outcome(RaceVariant.PROCESSES, new long[] {2_000_000, 2_000_000, 2_000_000}, 2, OptionalLong.of(0))),
                Map.of());
        String s = Readings.of(r).orElseThrow().prose();
        assertTrue(s.startsWith("Threads, volatile field, no lock lost updates in 3 of 3 trials (median 750,000 of 2,000,000"
                + " per trial); the parent's own counter stayed 0"), s);
        assertTrue(s.contains("Per increment, threads, AtomicLong.incrementAndGet takes 5.00× as long as threads, volatile"), s);
        assertTrue(s.contains("the lesson's claim holds here") || s.contains("claims measured here"), s);
    }

    private static FaultOutcome fault(FaultKind kind, FaultMode mode, int survivors) {
        List<WorkerEnd> workers = new ArrayList<>();
        workers.add(new WorkerEnd(0, true, WorkerEnd.Fate.DIED, "faulted"));
        for (int i = 1; i < 4; i++) {
            workers.add(new WorkerEnd(i, false, i <= survivors ? WorkerEnd.Fate.COMPLETED : WorkerEnd.Fate.DIED, ""));
        }
        return new FaultOutcome(kind, mode, "test", 0, workers,
                List.of(new ProcessEnd("group", 139, Optional.empty(), false)), 0);
    }

    @Test
    void crashCountsSurvivorsAndNamesTheThreadGroupOnlyWhenItEnded() {
        FaultResult group = new FaultResult(FaultConfig.defaults(), ENV, List.of(fault(FaultKind.SEGFAULT, FaultMode.THREADS, 0),
                fault(FaultKind.SEGFAULT, FaultMode.PROCESSES, 3)), Map.of());
        String s = Readings.of(group).orElseThrow().prose();
        assertTrue(s.contains("survived a fault in one worker: segfault 0 of 3 as threads, 3 of 3 as processes"), s);
        assertTrue(s.contains("default action ended the whole thread group"), s);
        FaultResult contained = new FaultResult(FaultConfig.defaults(), ENV,
                List.of(fault(FaultKind.EXCEPTION, FaultMode.THREADS, 3)), Map.of());
        String c = Readings.of(contained).orElseThrow().prose();
        assertTrue(c.contains("exception 3 of 3 as threads, processes not run"), c);
        assertFalse(c.contains("thread group"), c);
    }

    private static ScaleResult scale(long threadRss, long processRss) {
        List<ScalePoint> threads = new ArrayList<>();
        List<ScalePoint> procs = new ArrayList<>();
        long[] noise = {0, 3_000, -2_000};
        for (int i = 0; i < 3; i++) {
            long n = 100L * (i + 1);
            threads.add(new ScalePoint(n, 0, n * threadRss + noise[i], 0, 0, 0, 0, 0, n, n, 0, 0));
            procs.add(new ScalePoint(n, 0, n * processRss + noise[i], 0, 0, 0, 0, 0, n, 0, 0, 0));
        }
        ScaleConfig config = ScaleConfig.defaults().withKinds(List.of(ScaleConfig.PLATFORM, ScaleConfig.PROCESSES));
        return new ScaleResult(ENV, config, ENV.limits(), List.of(new ScaleKind(ScaleConfig.PLATFORM, "test", threads),
                new ScaleKind(ScaleConfig.PROCESSES, "test", procs)), Map.of());
    }

    @Test
    void scaleSlopesApartOrOverlapping() {
        String apart = Readings.of(scale(40_000, 1_000_000)).orElseThrow().prose();
        assertTrue(apart.startsWith("Each idle process added 977 KiB (95 % CI"), apart);
        assertTrue(apart.contains("about 25.0× as much per process"), apart);
        String overlap = Readings.of(scale(40_000, 40_010)).orElseThrow().prose();
        assertTrue(overlap.contains("the intervals overlap, so no difference is detectable"), overlap);
        String threadMore = Readings.of(scale(1_000_000, 40_000)).orElseThrow().prose();
        assertTrue(threadMore.contains("so a thread cost more resident memory here than a process"), threadMore);
    }

    @Test
    void scaleNeverCallsANegativeThreadSlopeTheLargerCost() {
        String s = Readings.of(scale(-5_000, 1_000_000)).orElseThrow().prose();
        assertTrue(s.contains("so a process cost more resident memory here than a thread, whose own figure cannot be"
                + " told from zero at these counts"), s);
        assertFalse(s.contains("a thread cost more"), s);
        assertFalse(s.contains("as much per process"), s);
    }

    @Test
    void c10kComparesAtTheLargestCountBothReached() {
        ServerMemory idle = new ServerMemory(50_000_000, 0, 0, 2);
        List<C10kPoint> points = List.of(
                new C10kPoint(C10kConfig.THREADS, 1_000, 1, 1, 1, 0, 1, Samples.of("t", Unit.NANOSECONDS, Synthetic.around(90_000, 30)),
                        idle, new ServerMemory(0, 0, 0, 1_002), idle),
                new C10kPoint(C10kConfig.SELECTOR, 1_000, 1, 1, 1, 0, 1, Samples.of("s", Unit.NANOSECONDS, Synthetic.around(30_000, 30)),
                        idle, new ServerMemory(0, 0, 0, 2), idle));
        C10kConfig config = C10kConfig.defaults().withServers(List.of(C10kConfig.THREADS, C10kConfig.SELECTOR))
                .withClients(List.of(1_000)).withTimeLimit(Duration.ofSeconds(10));
        String s = Readings.of(new C10kResult(ENV, config, Map.of(), points, Map.of())).orElseThrow().prose();
        assertTrue(s.startsWith("At 1,000 clients the thread-per-connection server held 1,002 threads and the selector"
                + " server 2; round trip: a thread per connection takes 3.00× as long as selector"), s);
    }

    @Test
    void compareCountsDetectableDifferences() {
        CompareReading.Run a = new CompareReading.Run("monday", List.of(Synthetic.ns("fork", Synthetic.around(100, 40)),
                Synthetic.ns("thread", Synthetic.around(10, 40))));
        CompareReading.Run b = new CompareReading.Run("tuesday", List.of(Synthetic.ns("fork", Synthetic.around(300, 40)),
                Synthetic.ns("thread", Synthetic.around(10, 40))));
        String s = CompareReading.of(List.of(a, b), List.of("fork", "thread")).prose();
        assertTrue(s.startsWith("1 of 2 conditions differ detectably from monday, 1 show no detectable difference."), s);
        assertTrue(s.contains("The largest: tuesday's fork takes 3.00× as long as monday's fork"), s);
        assertTrue(CompareReading.of(List.of(a), List.of("fork")).prose().startsWith("One result alone"));
    }

    @Test
    void aResultWithoutAReadingGetsNone() {
        assertTrue(Readings.of("not a result").isEmpty());
    }
}
