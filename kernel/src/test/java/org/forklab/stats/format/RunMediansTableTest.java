package org.forklab.stats.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.forklab.stats.Unit;
import org.junit.jupiter.api.Test;

class RunMediansTableTest {

    @Test
    void eachRunsMedianAndHighestOverLowest() {
        Table t = RunMediansTable.of("per JVM", List.of(
                new RunMediansTable.Row("platform thread", new double[] {100_000, 150_000}, "pid 1 CPU 0, pid 2 CPU 0"),
                new RunMediansTable.Row("fork", new double[] {130_000}, "pid 3 CPU 1")), Unit.NANOSECONDS, "where");
        assertEquals(""
                + "per JVM\n"
                + "condition        runs  median of each run  highest / lowest  where\n"
                + "---------------  ----  ------------------  ----------------  ------------------------\n"
                + "platform thread     2  100 µs, 150 µs                 1.50×  pid 1 CPU 0, pid 2 CPU 0\n"
                + "fork                1  130 µs                         1.00×  pid 3 CPU 1\n", t.toText());
        assertTrue(t.toHtml().contains("<td style=\"text-align:left\">100 µs, 150 µs</td>"), t.toHtml());
    }

    @Test
    void noSpreadWithoutAPositiveLowest() {
        assertEquals(Double.NaN, new RunMediansTable.Row("x", new double[0], "").spread());
        assertEquals(Double.NaN, new RunMediansTable.Row("x", new double[] {0, 5}, "").spread());
    }
}
