package org.forklab.magics;

import java.util.List;
import org.forklab.experiments.core.Samples;
import org.forklab.experiments.cost.CostResult.ForkPoint;
import org.forklab.experiments.cost.PageKind;
import org.forklab.stats.Unit;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ForkSweepSlopesTest {
    /** A point whose fork+_exit+waitpid samples sit around {@code totalNs} and whose fork() calls around {@code callNs}. */
    private static ForkPoint point(long mib, PageKind pages, double totalNs, double callNs) {
        return new ForkPoint(mib << 20, pages, 0,
                Samples.of("fork", Unit.NANOSECONDS, new double[] {totalNs - 1000, totalNs, totalNs + 1000}),
                Samples.of("fork call", Unit.NANOSECONDS, new double[] {callNs - 500, callNs, callNs + 500}));
    }

    @Test
    void eachPageKindIsOneLineThroughTheUntouchedPointForBothTheWholeForkAndItsCall() {
        // 4 KB pages: 200 µs per GiB for the whole fork, 150 µs of it in the call; huge pages: 1 point only
        List<ForkPoint> sweep = List.of(point(0, PageKind.SMALL, 100_000, 60_000),
                point(1024, PageKind.SMALL, 300_000, 210_000), point(2048, PageKind.SMALL, 500_000, 360_000),
                point(1024, PageKind.HUGE, 110_000, 70_000));
        List<String> notes = ForkSweepSlopes.notes(sweep);
        assertEquals(5, notes.size(), notes.toString());
        assertTrue(notes.get(0).startsWith("fork() call alone is timed inside the same forks"), notes.get(0));
        assertTrue(notes.get(1).startsWith("fork+_exit+waitpid against memory (4 KB pages, 3 sizes): 200 µs per GiB"), notes.get(1));
        assertTrue(notes.get(2).startsWith("fork() call against memory (4 KB pages, 3 sizes): 150 µs per GiB"), notes.get(2));
        // two points, the untouched one shared: a line through two points, with no interval to give
        assertTrue(notes.get(3).startsWith("fork+_exit+waitpid against memory (transparent huge pages, 2 sizes): 10.0 µs per GiB"),
                notes.get(3));
        assertTrue(notes.get(4).startsWith("fork() call against memory (transparent huge pages, 2 sizes): 10.0 µs per GiB"),
                notes.get(4));
        assertTrue(notes.get(4).endsWith("; 2 points give no interval: the fit is too poor to tell; add sizes (--fork-memory)"),
                notes.get(4));
    }

    @Test
    void aFlatNoisyLineIsNoGrowthDetectedNotAPoorFit() {
        // huge pages: 110, 100, 115 µs at 0, 1 and 2 GiB: the slope's interval holds zero and r² is near 0
        List<ForkPoint> sweep = List.of(point(0, PageKind.SMALL, 110_000, 60_000),
                point(1024, PageKind.HUGE, 100_000, 61_000), point(2048, PageKind.HUGE, 115_000, 59_000));
        List<String> huge = ForkSweepSlopes.notes(sweep).stream().filter(n -> n.contains("huge pages")).toList();
        assertEquals(2, huge.size(), huge.toString());
        for (String n : huge) {
            assertTrue(n.endsWith("; no growth with memory that this run could detect"), n);
            assertTrue(n.contains("(95 % CI -"), n);
        }
    }

    @Test
    void noSweepNoNotes() {
        assertEquals(List.of(), ForkSweepSlopes.notes(List.of()));
    }
}
