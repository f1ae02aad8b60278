package org.forklab.magics.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.forklab.stats.NamedSummary;
import org.forklab.stats.Summary;
import org.forklab.stats.Unit;
import org.junit.jupiter.api.Test;

class SpreadNotesTest {

    private static double[] even(double from, double to, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = from + (to - from) * i / (n - 1);
        }
        return v;
    }

    @Test
    void rowsWithAWideRangeAreCountedInOneLineAndDetailedApart() {
        SpreadNotes notes = new SpreadNotes().add(List.of(
                new NamedSummary("fork", Summary.of(even(100, 1_000, 40))),
                new NamedSummary("thread", Summary.of(even(100, 103, 40))),
                new NamedSummary("exec", Summary.of(even(100, 900, 40)))), Unit.NANOSECONDS);
        String line = notes.line().orElseThrow();
        assertTrue(line.contains("the slowest sample is over 4× the fastest in 2 of 3 rows"), line);
        assertTrue(notes.details().stream().anyMatch(d -> d.contains("fork")), notes.details().toString());
        assertTrue(notes.details().stream().noneMatch(d -> d.contains("thread")), notes.details().toString());
        assertTrue(notes.html().startsWith("<details class=\"forklab-spread\"><summary>spread: "), notes.html());
        assertTrue(notes.textDetails().contains("exec"), notes.textDetails());
    }

    @Test
    void quietRowsGiveNoLine() {
        SpreadNotes notes = new SpreadNotes().add(List.of(new NamedSummary("thread", Summary.of(even(100, 103, 40)))),
                Unit.NANOSECONDS);
        assertTrue(notes.line().isEmpty());
        assertEquals("", notes.html());
        assertEquals("", notes.textDetails());
    }
}
