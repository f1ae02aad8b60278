package org.forklab.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.apache.commons.math3.distribution.TDistribution;
import org.forklab.stats.Comparison.Difference;
import org.forklab.stats.format.ComparisonText;
import org.junit.jupiter.api.Test;

class ComparisonTest {

    // Hollander & Wolfe's depression-scale example (R's ?wilcox.test): W = 35
    static final double[] HW_X = {0.80, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46};
    static final double[] HW_Y = {1.15, 0.88, 0.90, 0.74, 1.21};

    // R's sleep data, t.test(extra ~ group, data = sleep): Welch t = -1.8608, df = 17.776, p = 0.07939
    static final double[] SLEEP_1 = {0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0};
    static final double[] SLEEP_2 = {1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4};

    @Test
    void mannWhitneyOnTextbookExample() {
        Comparison c = Comparison.of(HW_X, HW_Y);
        int pairsXAbove = 0;
        for (double x : HW_X) {
            for (double y : HW_Y) {
                pairsXAbove += x > y ? 1 : 0;
            }
        }
        assertEquals(35, pairsXAbove);
        assertEquals(35, c.mannWhitneyU(), 1e-12);
        // normal approximation, no continuity correction, worked by hand:
        // mean 25, sd √(10·5·16/12) = 8.16497, z = 1.224745, p = 2·Φ(−1.224745) = 0.22067
        // (R: wilcox.test(x, y, exact = FALSE, correct = FALSE); the exact p would be 0.2544)
        assertEquals(0.22067, c.mannWhitneyP(), 1e-4);
    }

    @Test
    void welchOnRSleepData() {
        Comparison c = Comparison.of(SLEEP_1, SLEEP_2);
        assertEquals(0.07939, c.welchP(), 1e-5);
        // and by the Welch–Satterthwaite formula written out
        double m1 = mean(SLEEP_1);
        double m2 = mean(SLEEP_2);
        double v1 = variance(SLEEP_1) / SLEEP_1.length;
        double v2 = variance(SLEEP_2) / SLEEP_2.length;
        double t = (m1 - m2) / Math.sqrt(v1 + v2);
        double df = (v1 + v2) * (v1 + v2) / (v1 * v1 / (SLEEP_1.length - 1) + v2 * v2 / (SLEEP_2.length - 1));
        assertEquals(-1.8608, t, 1e-4);
        assertEquals(17.776, df, 1e-3);
        assertEquals(2 * new TDistribution(df).cumulativeProbability(-Math.abs(t)), c.welchP(), 1e-9);
    }

    @Test
    void ratioOfMediansWithBootstrapInterval() {
        Random random = new Random(1);
        double[] a = random.doubles(400, 9_000, 11_000).toArray();   // median ≈ 10 µs
        double[] b = random.doubles(400, 28_000, 32_000).toArray();  // median ≈ 30 µs
        Comparison c = Comparison.of(a, b);
        assertEquals(SummaryTest.r7(b, 0.5) / SummaryTest.r7(a, 0.5), c.ratio(), 1e-12);
        assertEquals(3.0, c.ratio(), 0.1);
        assertTrue(c.ratioInterval().contains(c.ratio()), c.ratioInterval().toString());
        assertTrue(c.ratioInterval().low() > 2.8 && c.ratioInterval().high() < 3.2, c.ratioInterval().toString());
        assertEquals(Difference.B_HIGHER, c.difference());
        assertTrue(c.mannWhitneyP() < 1e-10);
        assertEquals(Difference.B_LOWER, Comparison.of(b, a).difference());
        assertEquals(c.ratioInterval(), Comparison.of(a, b).ratioInterval(), "same seed, same interval");
    }

    @Test
    void sameDistributionGivesNoClearDifference() {
        Random random = new Random(2);
        double[] a = random.doubles(300, 100, 200).toArray();
        double[] b = random.doubles(300, 100, 200).toArray();
        Comparison c = Comparison.of(a, b);
        assertEquals(Difference.NO_CLEAR_DIFFERENCE, c.difference());
        assertTrue(c.ratioInterval().contains(1.0), c.ratioInterval().toString());
    }

    @Test
    void zeroBaselineMedianLeavesRatioUndefined() {
        Comparison c = Comparison.of(new double[] {0, 0, 0, 1}, new double[] {1, 2, 3, 4});
        assertTrue(Double.isNaN(c.ratio()));
        assertFalse(c.ratioInterval().isDefined());
        assertEquals(Difference.NO_CLEAR_DIFFERENCE, c.difference());
    }

    @Test
    void verdictLineSaysItAll() {
        Random random = new Random(3);
        double[] thread = random.doubles(200, 5_000, 7_000).toArray();
        double[] fork = random.doubles(200, 250_000, 300_000).toArray();
        String line = ComparisonText.verdictLine("pthread_create", "fork", Comparison.of(thread, fork));
        assertTrue(line.matches("fork / pthread_create: median ratio 4\\d\\.\\d× \\(95 % CI 4\\d\\.\\d–4\\d\\.\\d×\\), "
                + "Mann–Whitney p < 0\\.001, Welch p < 0\\.001 → fork higher"), line);
        String none = ComparisonText.verdictLine("a", "b", Comparison.of(HW_X, HW_Y));
        // 0.90 / 1.415 = 0.636: medians of y and x
        assertTrue(none.startsWith("b / a: median ratio 0.636× (95 % CI "), none);
        assertTrue(none.contains("Mann–Whitney p = 0.221, Welch p = "), none);
        assertTrue(none.endsWith(" → no clear difference"), none);
    }

    static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    static double variance(double[] v) {
        double m = mean(v);
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return s / (v.length - 1);
    }
}
