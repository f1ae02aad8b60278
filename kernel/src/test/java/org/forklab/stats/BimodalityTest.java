package org.forklab.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.distribution.ExponentialDistribution;
import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BimodalityTest {

    /** Ping-pong round trips as seen on this VM: ~6 µs on one CPU, ~58 µs across CPUs (ns). */
    static double[] pingPongMixture(long seed, int n, double upperShare) {
        NormalDistribution sameCpu = new NormalDistribution(new Well19937c(seed), 6_000, 500);
        NormalDistribution otherCpu = new NormalDistribution(new Well19937c(seed + 1), 58_000, 4_000);
        double[] out = new double[n];
        int upper = (int) Math.round(n * upperShare);
        for (int i = 0; i < n; i++) {
            out[i] = i < upper ? otherCpu.sample() : sameCpu.sample();
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void clearlyBimodalMixtureIsFlagged(long seed) {
        Bimodality b = Bimodality.assess(pingPongMixture(seed, 1_000, 0.3));
        assertTrue(b.bimodal(), b.toString());
        assertTrue(b.coefficient() > Bimodality.SARLE_THRESHOLD, b.toString());
        assertEquals(6_000, b.lowerCenter(), 300);
        assertEquals(58_000, b.upperCenter(), 1_500);
        assertEquals(0.3, b.upperFraction(), 0.01);
        assertTrue(b.split() > 10_000 && b.split() < 45_000, b.toString());
    }

    @Test
    void summaryWarnsOnBimodalData() {
        Summary s = Summary.of(pingPongMixture(9, 500, 0.5));
        assertTrue(s.has(Warning.BIMODAL), s.warnings().toString());
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void lognormalLatenciesAreNotFlagged(long seed) {
        // thread creation-like: median ≈ e^8.7 ns ≈ 6 µs, shape 0.5
        double[] samples = new LogNormalDistribution(new Well19937c(seed), 8.7, 0.5).sample(1_000);
        Bimodality b = Bimodality.assess(samples);
        assertFalse(b.bimodal(), b.toString());
        assertFalse(Summary.of(samples).has(Warning.BIMODAL));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void normalAndExponentialAreNotFlagged(long seed) {
        double[] normal = new NormalDistribution(new Well19937c(seed), 10_000, 1_000).sample(1_000);
        double[] exponential = new ExponentialDistribution(new Well19937c(seed), 5_000).sample(1_000);
        assertFalse(Bimodality.assess(normal).bimodal(), Bimodality.assess(normal).toString());
        assertFalse(Bimodality.assess(exponential).bimodal(), Bimodality.assess(exponential).toString());
    }

    @Test
    void smallTailClumpIsLeftToOutlierCounts() {
        // 3 % of samples far away: a clump, not a second mode worth a warning
        Bimodality b = Bimodality.assess(pingPongMixture(4, 1_000, 0.03));
        assertFalse(b.bimodal(), b.toString());
    }

    @Test
    void coefficientMatchesSarleFormula() {
        double[] x = {1, 2, 2, 3, 3, 3, 4, 9, 10, 10, 11};
        int n = x.length;
        double mean = 0;
        for (double v : x) {
            mean += v / n;
        }
        double m2 = 0;
        double m3 = 0;
        double m4 = 0;
        for (double v : x) {
            m2 += Math.pow(v - mean, 2) / n;
            m3 += Math.pow(v - mean, 3) / n;
            m4 += Math.pow(v - mean, 4) / n;
        }
        // bias-corrected sample skewness G1 and excess kurtosis G2 (Joanes & Gill 1998)
        double g1 = m3 / Math.pow(m2, 1.5);
        double skew = g1 * Math.sqrt(n * (n - 1.0)) / (n - 2);
        double g2 = m4 / (m2 * m2) - 3;
        double kurt = (n - 1.0) / ((n - 2.0) * (n - 3.0)) * ((n + 1) * g2 + 6);
        double expected = (skew * skew + 1) / (kurt + 3.0 * (n - 1) * (n - 1) / ((n - 2.0) * (n - 3.0)));
        assertEquals(expected, Bimodality.assess(x).coefficient(), 1e-9);
    }

    @Test
    void bestSplitFindsTheGap() {
        assertEquals(3, Bimodality.bestSplit(new double[] {1, 2, 3, 50, 51, 52, 53}));
        assertEquals(1, Bimodality.bestSplit(new double[] {0, 100, 101, 102}));
    }

    @Test
    void tooFewOrIdenticalSamplesAreNotJudged() {
        assertFalse(Bimodality.assess(new double[] {1, 2, 3}).bimodal());
        assertFalse(Bimodality.assess(new double[] {5, 5, 5, 5, 5, 5}).bimodal());
    }
}
