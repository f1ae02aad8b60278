package org.forklab.stats;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.forklab.stats.format.SlopeTable;
import org.junit.jupiter.api.Test;

/** When a slope may carry a verdict: r² at least 0.9 and an interval that stays on one side of zero. */
class FitGateTest {
    private static final double[] COUNTS = {1, 2, 3, 4, 5};

    @Test
    void aCleanLineIsReadable() {
        Regression r = Regression.of(COUNTS, new double[] {101, 199, 302, 398, 501});
        assertTrue(r.rSquared() > 0.99);
        assertTrue(r.tooPoorToTell().isEmpty(), r.tooPoorToTell().toString());
    }

    @Test
    void lowRSquaredGivesNoVerdict() {
        // the run of the issue: r² near 0.25 with an interval across zero
        Regression r = Regression.of(COUNTS, new double[] {500, 100, 900, 200, 800});
        assertTrue(r.rSquared() < 0.9);
        assertEquals(String.format(java.util.Locale.ROOT, "r² = %.2f is below 0.9: the fit is too poor to tell; add counts",
                r.rSquared()), r.tooPoorToTell().orElseThrow());
    }

    @Test
    void anIntervalAcrossZeroGivesNoVerdictEvenWithAHighRSquared() {
        // a slope of ~1 against a large scatter-free intercept, but only 3 points: wide t interval
        Regression r = Regression.of(new double[] {1, 2, 3}, new double[] {0, 10, 9});
        assertTrue(r.slopeInterval().low() < 0 && r.slopeInterval().high() > 0, r.slopeInterval().toString());
        assertTrue(r.tooPoorToTell().orElseThrow().endsWith("the fit is too poor to tell; add counts"));
    }

    @Test
    void twoPointsHaveNoIntervalAndSoNoVerdict() {
        Regression r = Regression.of(new double[] {1, 2}, new double[] {10, 20});
        assertEquals("2 points give no interval: the fit is too poor to tell; add counts", r.tooPoorToTell().orElseThrow());
    }

    @Test
    void slopeTableSaysWhenItCannotTellAndNeverShowsANegativeTime() {
        SlopeTable t = new SlopeTable()
                .add("threads", "creation time", COUNTS, new double[] {900, 100, 800, 300, 50}, Unit.NANOSECONDS, true)
                .add("threads", "RSS", COUNTS, new double[] {1000, 2000, 3000, 4000, 5000}, Unit.BYTES, false)
                .add("threads", "one count", new double[] {4}, new double[] {1}, Unit.BYTES, false);
        List<List<String>> rows = t.rows();
        assertEquals(2, rows.size(), "a single count adds no row");
        List<String> time = rows.get(0);
        assertEquals("< 0", time.get(2), "the negative slope of a time is shown as < 0");
        assertTrue(time.get(3).startsWith("< 0 … "), time.get(3));
        assertFalse(String.join(" ", time).matches(".*-\\d.*"), "no negative number anywhere: " + time);
        assertTrue(time.get(7).endsWith("the fit is too poor to tell; add counts"), time.get(7));
        assertEquals("fits", rows.get(1).get(7));
        assertEquals(org.forklab.stats.format.Units.format(1000, Unit.BYTES), rows.get(1).get(2));
    }

    @Test
    void undecidedHasAWordLikeEveryVerdict() {
        assertEquals("undecided", Verdict.UNDECIDED.word());
    }
}
