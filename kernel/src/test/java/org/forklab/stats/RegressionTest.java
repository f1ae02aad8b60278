package org.forklab.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.distribution.TDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegressionTest {

    @ParameterizedTest(name = "y = {1} + {0}·x")
    @CsvSource({"2, 3", "-0.5, 100", "1250.5, 40000", "0, 7"})
    void exactLinesAreRecovered(double slope, double intercept) {
        double[] x = {1, 2, 4, 8, 16, 32, 64};
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = intercept + slope * x[i];
        }
        Regression r = Regression.of(x, y);
        assertEquals(slope, r.slope(), 1e-9 * Math.max(1, Math.abs(slope)));
        assertEquals(intercept, r.intercept(), 1e-7 * Math.max(1, Math.abs(intercept)));
        assertEquals(7, r.n());
        assertTrue(r.slopeInterval().width() < 1e-6, r.slopeInterval().toString());
        if (slope != 0) {
            assertEquals(1.0, r.rSquared(), 1e-12);
        }
    }

    @Test
    void anscombesFirstSet() {
        // Anscombe (1973), set I: y ≈ 3.00 + 0.500·x, r² = 0.667, slope standard error 0.118
        double[] x = {10, 8, 13, 9, 11, 14, 6, 4, 12, 7, 5};
        double[] y = {8.04, 6.95, 7.58, 8.81, 8.33, 9.96, 7.24, 4.26, 10.84, 4.82, 5.68};
        Regression r = Regression.of(x, y);
        assertEquals(0.5001, r.slope(), 1e-4);
        assertEquals(3.0001, r.intercept(), 1e-4);
        assertEquals(0.6665, r.rSquared(), 1e-4);
        assertEquals(0.1179, r.slopeStdErr(), 1e-4);
        // interval written out: slope ± t(9, 0.975) · se, se from the residuals
        double mx = 9;
        double sxx = 0;
        double sse = 0;
        for (int i = 0; i < x.length; i++) {
            sxx += (x[i] - mx) * (x[i] - mx);
            double residual = y[i] - r.predict(x[i]);
            sse += residual * residual;
        }
        double se = Math.sqrt(sse / (x.length - 2) / sxx);
        double half = new TDistribution(x.length - 2).inverseCumulativeProbability(0.975) * se;
        assertEquals(r.slope() - half, r.slopeInterval().low(), 1e-9);
        assertEquals(r.slope() + half, r.slopeInterval().high(), 1e-9);
    }

    @Test
    void twoPointsGiveASlopeButNoInterval() {
        Regression r = Regression.of(new double[] {1, 2}, new double[] {10, 30});
        assertEquals(20, r.slope(), 1e-12);
        assertFalse(r.slopeInterval().isDefined());
    }

    @Test
    void badInputIsOneClearLine() {
        IllegalArgumentException lengths = assertThrows(IllegalArgumentException.class,
                () -> Regression.of(new double[] {1, 2, 3}, new double[] {1, 2}));
        assertTrue(lengths.getMessage().contains("x has 3 values but y has 2"));
        IllegalArgumentException flat = assertThrows(IllegalArgumentException.class,
                () -> Regression.of(new double[] {4, 4, 4}, new double[] {1, 2, 3}));
        assertTrue(flat.getMessage().contains("all x values are equal"));
    }
}
