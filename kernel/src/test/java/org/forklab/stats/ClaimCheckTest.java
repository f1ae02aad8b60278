package org.forklab.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.forklab.stats.format.ClaimTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClaimCheckTest {

    @ParameterizedTest(name = "[{0}, {1}] vs claim 2–10 -> {2}")
    @CsvSource({
            "3, 4, WITHIN",
            "2, 10, WITHIN",
            "0.5, 1.9, BELOW",
            "10.1, 12, ABOVE",
            "1, 3, OVERLAPPING",
            "9, 11, OVERLAPPING",
            "1, 20, OVERLAPPING"})
    void verdictFollowsTheInterval(double low, double high, Verdict expected) {
        assertEquals(expected, Verdict.of(new Interval(low, high, 0.95), new ClaimRange(2, 10, Unit.MICROSECONDS)));
    }

    @Test
    void samplesInNanosecondsAreCheckedAgainstAClaimInMicroseconds() {
        Random random = new Random(4);
        double[] ns = random.doubles(500, 29_000, 33_000).toArray(); // ≈ 31 µs
        Summary summary = Summary.of(ns);
        ClaimCheck check = ClaimCheck.of("pthread_create", new ClaimRange(2, 10, Unit.MICROSECONDS), summary,
                Unit.NANOSECONDS);
        assertEquals(summary.median() / 1000, check.measured(), 1e-9);
        assertEquals(summary.medianInterval().low() / 1000, check.interval().low(), 1e-9);
        assertEquals(Verdict.ABOVE, check.verdict());
        assertEquals(check.measured() / 6, check.ratioToClaimMidpoint(), 1e-9);

        ClaimTable.Row row = ClaimTable.row(check);
        assertEquals("pthread_create", row.claim());
        assertEquals("2–10 µs", row.claimed());
        assertTrue(row.measured().matches("3\\d\\.\\d µs"), row.measured());
        assertTrue(row.interval().matches("3\\d\\.?\\d*–3\\d\\.?\\d* µs"), row.interval());
        assertEquals("above", row.verdict());
    }

    @Test
    void aClaimRowUsesTheUnitTheMeasurementReadsIn() {
        double[] ns = new Random(5).doubles(200, 47_000_000, 49_000_000).toArray(); // ≈ 48 ms
        ClaimCheck check = ClaimCheck.of("fork after touching 1 GB", new ClaimRange(1_000, 100_000, Unit.MICROSECONDS),
                Summary.of(ns), Unit.NANOSECONDS);
        ClaimTable.Row row = ClaimTable.row(check);
        assertEquals("1–100 ms", row.claimed());
        assertTrue(row.measured().matches("4\\d\\.\\d ms"), row.measured());
        assertTrue(row.interval().endsWith(" ms"), row.interval());
    }

    @Test
    void aClaimOfOneFigureOrAcrossDecadesReadsPlainly() {
        double[] ns = new Random(6).doubles(50, 7_900_000, 8_100_000).toArray(); // ≈ 8 ms
        ClaimCheck one = ClaimCheck.of("an 8 ms figure", new ClaimRange(8, 8, Unit.MILLISECONDS), Summary.of(ns),
                Unit.NANOSECONDS);
        assertEquals("8 ms", ClaimTable.row(one).claimed());
        ClaimCheck wide = ClaimCheck.of("64 µs to 8 ms", new ClaimRange(64, 8_000, Unit.MICROSECONDS), Summary.of(ns),
                Unit.NANOSECONDS);
        assertEquals("64 µs – 8 ms", ClaimTable.row(wide).claimed());
    }

    @Test
    void oneSampleDecidesOnTheMedianAlone() {
        ClaimCheck check = ClaimCheck.of("fork", new ClaimRange(50, 100, Unit.MICROSECONDS),
                Summary.of(new double[] {75_000}), Unit.NANOSECONDS);
        assertEquals(Verdict.WITHIN, check.verdict());
    }

    @Test
    void claimTableTextAndHtml() {
        ClaimCheck within = ClaimCheck.of("fork, 1 GB parent", new ClaimRange(100, 300, Unit.MICROSECONDS),
                Summary.of(new double[] {150_000, 160_000, 170_000, 155_000, 165_000, 158_000, 162_000,
                    151_000, 168_000, 159_000}), Unit.NANOSECONDS);
        String text = ClaimTable.text("Claims <lesson 4>", List.of(within));
        List<String> lines = text.lines().toList();
        assertEquals("Claims <lesson 4>", lines.get(0));
        assertTrue(lines.get(1).startsWith("claim"), lines.get(1));
        // the measured value may be a median or a regression slope: the header names neither
        assertTrue(lines.get(1).contains("measured") && !lines.get(1).contains("median"), lines.get(1));
        assertTrue(lines.get(3).contains("100–300 µs") && lines.get(3).endsWith("within"), lines.get(3));
        String html = ClaimTable.html("Claims <lesson 4>", List.of(within));
        assertTrue(html.contains("Claims &lt;lesson 4&gt;"));
        assertFalse(html.contains("<lesson"));
    }

    @Test
    void incompatibleUnitsAndBadRangesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new ClaimRange(10, 2, Unit.MICROSECONDS));
        assertThrows(IllegalArgumentException.class, () -> ClaimCheck.of("x", new ClaimRange(1, 2, Unit.MEBIBYTES),
                Summary.of(new double[] {1, 2, 3}), Unit.NANOSECONDS));
    }
}
