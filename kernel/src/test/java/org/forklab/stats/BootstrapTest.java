package org.forklab.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The counting shortcut gives exactly what resampling, then taking the R-7 median, gives. */
class BootstrapTest {

    static double[] sortedSample(int n, long seed) {
        double[] values = new Random(seed).doubles(n, 1_000, 50_000).toArray();
        // ties on purpose: timings repeat at clock granularity
        for (int i = 0; i < values.length; i++) {
            values[i] = Math.round(values[i] / 100) * 100.0;
        }
        Arrays.sort(values);
        return values;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 10, 11, 200, 1001})
    void medianShortcutMatchesResampleAndSelect(int n) {
        double[] sorted = sortedSample(n, n);
        StatsOptions options = StatsOptions.defaults().withResamples(300).withSeed(n);
        Interval fast = new Bootstrap(options).medianInterval(sorted, 0.95);
        Interval reference = new Bootstrap(options).interval(sorted, r -> SummaryTest.r7(r, 0.5), 0.95);
        assertEquals(reference, fast);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 9, 150})
    void ratioShortcutMatchesResampleAndSelect(int n) {
        double[] a = sortedSample(n, 100 + n);
        double[] b = sortedSample(n + 7, 200 + n);
        StatsOptions options = StatsOptions.defaults().withResamples(300).withSeed(n);
        Interval fast = new Bootstrap(options).medianRatioInterval(a, b, 0.95);
        Interval reference = new Bootstrap(options)
                .interval(a, b, (x, y) -> SummaryTest.r7(y, 0.5) / SummaryTest.r7(x, 0.5), 0.95);
        assertEquals(reference, fast);
        assertFalse(Double.isNaN(fast.low()));
    }
}
