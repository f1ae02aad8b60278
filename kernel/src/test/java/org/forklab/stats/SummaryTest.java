package org.forklab.stats;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SummaryTest {

    private static final double EPS = 1e-9;

    /** R-7 by the textbook formula on a sorted copy: h = (n−1)p, interpolate x[⌊h⌋]..x[⌊h⌋+1]. */
    static double r7(double[] samples, double p) {
        double[] x = samples.clone();
        Arrays.sort(x);
        double h = (x.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, x.length - 1);
        return x[lo] + (h - lo) * (x[hi] - x[lo]);
    }

    static Stream<Arguments> handComputedQuantiles() {
        // values worked by hand with h = (n-1)p; they equal R's quantile(x, type = 7)
        return Stream.of(
                Arguments.of(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 1.9, 3.25, 5.5, 7.75, 9.1),
                Arguments.of(new double[] {50, 15, 40, 20, 35}, 17.0, 20.0, 35.0, 40.0, 46.0),
                Arguments.of(new double[] {3, 1, 2}, 1.2, 1.5, 2.0, 2.5, 2.8),
                Arguments.of(new double[] {7}, 7.0, 7.0, 7.0, 7.0, 7.0));
    }

    @ParameterizedTest
    @MethodSource("handComputedQuantiles")
    void quantilesAreR7(double[] samples, double p10, double q1, double median, double q3, double p90) {
        Summary s = Summary.of(samples);
        assertAll(
                () -> assertEquals(p10, s.p10(), EPS, "p10"),
                () -> assertEquals(q1, s.q1(), EPS, "q1"),
                () -> assertEquals(median, s.median(), EPS, "median"),
                () -> assertEquals(q3, s.q3(), EPS, "q3"),
                () -> assertEquals(p90, s.p90(), EPS, "p90"));
    }

    @Test
    void quantilesMatchSortedArrayFormulaOnRandomData() {
        Random random = new Random(7);
        for (int trial = 0; trial < 20; trial++) {
            double[] samples = random.doubles(5 + random.nextInt(200), 1_000, 90_000).toArray();
            Summary s = Summary.of(samples, StatsOptions.defaults().withResamples(100));
            assertEquals(r7(samples, 0.10), s.p10(), 1e-6);
            assertEquals(r7(samples, 0.25), s.q1(), 1e-6);
            assertEquals(r7(samples, 0.50), s.median(), 1e-6);
            assertEquals(r7(samples, 0.75), s.q3(), 1e-6);
            assertEquals(r7(samples, 0.90), s.p90(), 1e-6);
        }
    }

    @Test
    void momentsAndExtremes() {
        double[] samples = {4, 8, 15, 16, 23, 42};
        Summary s = Summary.of(samples);
        double mean = (4 + 8 + 15 + 16 + 23 + 42) / 6.0;
        double ss = 0;
        for (double v : samples) {
            ss += (v - mean) * (v - mean);
        }
        assertEquals(6, s.n());
        assertEquals(4, s.min());
        assertEquals(42, s.max());
        assertEquals(mean, s.mean(), EPS);
        assertEquals(Math.sqrt(ss / 5), s.sd(), EPS);
        assertEquals(s.q3() - s.q1(), s.iqr(), EPS);
        assertEquals(s.iqr() / s.median(), s.relativeSpread(), EPS);
    }

    @Test
    void meanIntervalIsTheTInterval() {
        // R: t.test(1:10)$conf.int = 3.334149 7.665851
        Summary s = Summary.of(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
        assertEquals(3.334149, s.meanInterval().low(), 1e-6);
        assertEquals(7.665851, s.meanInterval().high(), 1e-6);
        assertEquals(0.95, s.meanInterval().confidence());
    }

    @Test
    void oneSampleHasNoMeanInterval() {
        Summary s = Summary.of(new double[] {5});
        assertFalse(s.meanInterval().isDefined());
        assertTrue(Double.isNaN(s.sd()));
        assertEquals(5, s.medianInterval().low());
        assertTrue(s.has(Warning.FEW_SAMPLES));
    }

    @Test
    void bootstrapIntervalContainsMedianAndIsReproducible() {
        double[] samples = new Random(3).doubles(300, 5_000, 9_000).toArray();
        Summary first = Summary.of(samples, StatsOptions.defaults().withSeed(11));
        Summary again = Summary.of(samples, StatsOptions.defaults().withSeed(11));
        Summary otherSeed = Summary.of(samples, StatsOptions.defaults().withSeed(12));
        Interval ci = first.medianInterval();
        assertTrue(ci.contains(first.median()), ci + " should contain " + first.median());
        assertTrue(ci.low() >= first.min() && ci.high() <= first.max());
        assertTrue(ci.width() > 0);
        assertEquals(ci, again.medianInterval());
        assertNotEquals(ci, otherSeed.medianInterval());
        // the median of 300 uniform draws on a 4000-wide range has sd ≈ 4000/(2·√300) ≈ 115;
        // a 95 % interval should be roughly ±2 sd wide, far below the data's range
        assertTrue(ci.width() < 1_000, "interval too wide: " + ci);
    }

    @Test
    void confidenceLevelIsHonoured() {
        double[] samples = new Random(5).doubles(200, 0, 1).toArray();
        Summary wide = Summary.of(samples, StatsOptions.defaults().withConfidence(0.99));
        Summary narrow = Summary.of(samples, StatsOptions.defaults().withConfidence(0.80));
        assertTrue(wide.meanInterval().width() > narrow.meanInterval().width());
        assertTrue(wide.medianInterval().width() > narrow.medianInterval().width());
    }

    static Stream<Arguments> warningCases() {
        return Stream.of(
                Arguments.of(new double[] {10, 10, 11, 11, 12, 12, 11, 10, 11, 12, 41}, List.of(Warning.WIDE_RANGE)),
                Arguments.of(new double[] {10, 10, 11, 11, 12, 12, 11, 10, 11, 12, 40}, List.of()),
                Arguments.of(new double[] {10, 11, 12, 20, 21, 22, 30, 31, 32, 35, 36}, List.of(Warning.WIDE_IQR)),
                Arguments.of(new double[] {10, 11, 12}, List.of(Warning.FEW_SAMPLES)),
                Arguments.of(new double[] {0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1}, List.of()));
    }

    @ParameterizedTest
    @MethodSource("warningCases")
    void warnings(double[] samples, List<Warning> expected) {
        assertEquals(expected, Summary.of(samples).warnings());
    }

    @Test
    void tukeyCountsOnCraftedData() {
        // twenty values 100..119: Q1 = 104.75, Q3 = 114.25, IQR = 9.5
        // inner fences 90.5 / 128.5, outer fences 76.25 / 142.75
        double[] base = new double[20];
        for (int i = 0; i < 20; i++) {
            base[i] = 100 + i;
        }
        TukeyOutliers t = TukeyOutliers.count(
                concat(base, new double[] {90, 80, 76, 129, 140, 143, 500}), 104.75, 114.25);
        assertEquals(2, t.lowMild());      // 90, 80
        assertEquals(1, t.lowExtreme());   // 76
        assertEquals(2, t.highMild());     // 129, 140
        assertEquals(2, t.highExtreme());  // 143, 500
        assertEquals(7, t.total());
        assertEquals(90.5, t.lowInnerFence(), EPS);
        assertEquals(142.75, t.highOuterFence(), EPS);
    }

    @Test
    void summaryCountsOutliersWithoutDroppingThem() {
        double[] samples = concat(new double[] {100, 101, 102, 103, 104, 105, 106, 107, 108, 109}, new double[] {1_000});
        Summary s = Summary.of(samples);
        double q1 = r7(samples, 0.25);
        double q3 = r7(samples, 0.75);
        assertEquals(1, s.outliers().highExtreme());
        assertEquals(0, s.outliers().mild());
        assertEquals(11, s.n());
        assertEquals(1_000, s.max());
        assertEquals(q3 + 3 * (q3 - q1), s.outliers().highOuterFence(), EPS);
    }

    @Test
    void badInputIsOneClearLine() {
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class, () -> Summary.of(new double[0]));
        assertTrue(empty.getMessage().contains("at least 1"), empty.getMessage());
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> Summary.of(new double[] {1, Double.NaN}));
        assertTrue(nan.getMessage().contains("samples[1] is NaN"), nan.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Summary.of(null));
    }

    @Test
    void inputIsNotModified() {
        double[] samples = {3, 1, 2};
        Summary.of(samples);
        assertEquals(List.of(3.0, 1.0, 2.0), Arrays.stream(samples).boxed().toList());
    }

    static double[] concat(double[] a, double[] b) {
        double[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
