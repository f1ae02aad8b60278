package org.forklab.magics.readings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.forklab.magics.claims.Measurement;
import org.forklab.stats.Interval;
import org.forklab.stats.Unit;
import org.junit.jupiter.api.Test;

/** %scale's reading quotes a slope only where the fit can carry it. */
class ScaleReadingTest {
    private static final String POOR = "r² = 0.03 is below 0.9: the fit is too poor to tell; add counts";

    private static Measurement good(double value, double low, double high) {
        return new Measurement(value, new Interval(low, high, 0.95), Unit.BYTES, "slope");
    }

    private static Measurement poor(double value, double low, double high) {
        return new Measurement(value, new Interval(low, high, 0.95), Unit.BYTES, "slope", Optional.of(POOR));
    }

    @Test
    void twoGoodFitsApartGiveTheRatio() {
        String s = ScaleReading.compare(good(20_000, 18_000, 22_000), good(2_000_000, 1_800_000, 2_200_000));
        assertTrue(s.startsWith("each idle process added 1.91 MiB"), s);
        assertTrue(s.endsWith("about 100× as much per process"), s);
    }

    @Test
    void aPoorThreadFitGivesNoFigureButItsIntervalCanStillShowTheProcessLarger() {
        // lesson 07 on JDK 25: process 1.84 MiB (1.35–2.33 MiB), thread 27.9 KiB (−252–308 KiB) with r² 0.03
        String s = ScaleReading.compare(poor(28_570, -258_000, 315_000), good(1_930_000, 1_415_000, 2_443_000));
        assertTrue(s.startsWith("each idle process added 1.84 MiB"), s);
        assertFalse(s.contains("27.9"), "the poor fit's slope is not quoted: " + s);
        assertTrue(s.contains("the platform threads' resident memory did not follow their count closely enough"
                + " for a figure of its own (" + POOR + "), but its interval ends at 308 KiB"), s);
        assertTrue(s.endsWith("so a process cost more resident memory here than a thread"), s);
    }

    @Test
    void aPoorFitThatOverlapsCannotBeCompared() {
        String s = ScaleReading.compare(poor(28_570, -258_000, 3_000_000), good(1_930_000, 1_415_000, 2_443_000));
        assertTrue(s.endsWith("so the two cannot be compared at these counts"), s);
    }

    @Test
    void twoPoorFitsGiveNoFigureAtAll() {
        String s = ScaleReading.compare(poor(1, -5, 7), poor(2, -3, 9));
        assertEquals("neither the processes' nor the platform threads' resident memory followed their count closely"
                + " enough for a figure per entity (processes: " + POOR + "; platform threads: " + POOR + ")", s);
    }
}
