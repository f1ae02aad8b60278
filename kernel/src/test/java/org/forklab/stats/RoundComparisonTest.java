package org.forklab.stats;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Comparisons that count rounds, so that drift alone cannot make identical variants differ. */
class RoundComparisonTest {
    private static final int SAMPLES = 50;

    /** One round of samples around {@code centre}: a little noise, the same for every round's shape. */
    private static double[] round(Random random, double centre) {
        double[] v = new double[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            v[i] = centre * (1 + 0.01 * random.nextGaussian());
        }
        return v;
    }

    /** The machine slows by 4 % per round: load rising under the experiment. */
    private static double drift(int round) {
        return 1000 * (1 + 0.04 * round);
    }

    @Test
    void identicalVariantsInterleavedUnderDriftShowNoDifference() {
        Random random = new Random(7);
        int rounds = 8;
        double[][] a = new double[rounds][];
        double[][] b = new double[rounds][];
        for (int r = 0; r < rounds; r++) {
            a[r] = round(random, drift(r));
            b[r] = round(random, drift(r));
        }
        RoundComparison c = RoundComparison.of(a, b);
        assertEquals(Comparison.Difference.NO_CLEAR_DIFFERENCE, c.difference(), c.toString());
        assertTrue(c.ratioInterval().contains(1.0), c.toString());
    }

    @Test
    void theSameDriftRunAsTwoBlocksLooksLikeADifferenceToASampleCountingTest() {
        // what the old block order did: all of a in the first rounds, all of b in the later ones
        Random random = new Random(7);
        double[] a = new double[4 * SAMPLES];
        double[] b = new double[4 * SAMPLES];
        for (int r = 0; r < 4; r++) {
            System.arraycopy(round(random, drift(r)), 0, a, r * SAMPLES, SAMPLES);
            System.arraycopy(round(random, drift(r + 4)), 0, b, r * SAMPLES, SAMPLES);
        }
        assertEquals(Comparison.Difference.B_HIGHER, Comparison.of(a, b).difference(),
                "identical variants in blocks under drift: the sample-counting test calls them different");
    }

    @Test
    void aRealDifferenceIsFoundThroughTheDrift() {
        Random random = new Random(11);
        int rounds = 8;
        double[][] a = new double[rounds][];
        double[][] b = new double[rounds][];
        for (int r = 0; r < rounds; r++) {
            a[r] = round(random, drift(r));
            b[r] = round(random, 1.3 * drift(r));
        }
        RoundComparison c = RoundComparison.of(a, b);
        assertEquals(Comparison.Difference.B_HIGHER, c.difference(), c.toString());
        assertEquals(1.3, c.ratio(), 0.02);
        assertEquals(8, c.rounds());
        assertTrue(c.wilcoxonP() < 0.01, c.toString());
    }

    @Test
    void fewerThanSixRoundsGiveNoIntervalAndNoVerdict() {
        assertEquals(6, RoundComparison.roundsNeeded(0.95));
        double[] ma = {100, 101, 102, 103, 104};
        double[] mb = {200, 202, 204, 206, 208};
        RoundComparison c = RoundComparison.ofRoundMedians(ma, mb, StatsOptions.defaults());
        assertFalse(c.ratioInterval().isDefined());
        assertEquals(Comparison.Difference.NO_CLEAR_DIFFERENCE, c.difference());
        assertTrue(org.forklab.stats.format.ComparisonText.roundsLine("a", "b", c)
                .contains("no 95 % interval from 5 rounds; 6 or more are needed"));
    }

    @Test
    void roundsMustPairUp() {
        assertThrows(IllegalArgumentException.class,
                () -> RoundComparison.of(new double[][] {{1}, {2}}, new double[][] {{1}}));
    }

    @Test
    void blockMediansFollowTheRunInOrder() {
        double[] v = new double[100];
        for (int i = 0; i < v.length; i++) {
            v[i] = i;
        }
        double[] m = Blocks.medians(v);
        assertEquals(10, m.length);
        assertEquals(4.5, m[0]);
        assertEquals(94.5, m[9]);
        assertEquals(3, Blocks.medians(new double[] {5, 6, 7}).length, "never more blocks than samples");
    }
}
