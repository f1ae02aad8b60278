package org.forklab.stats;

import java.util.Arrays;
import org.apache.commons.math3.stat.descriptive.moment.Kurtosis;
import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.moment.Skewness;
import org.apache.commons.math3.stat.descriptive.moment.Variance;

/**
 * Is a sample set clearly made of two clusters (for instance ping-pong round trips near 6 µs
 * when both sides share a CPU and near 58 µs when they do not)?
 *
 * <p>Method, two conditions that must both hold:
 * <ol>
 *   <li><b>Sarle's bimodality coefficient</b> BC = (g² + 1) / (κ + 3(n−1)²/((n−2)(n−3))) with g
 *       the sample skewness and κ the sample excess kurtosis (Commons Math {@code Skewness},
 *       {@code Kurtosis}, both bias-corrected) exceeds 5/9 ≈ 0.555, the value of a uniform
 *       distribution. BC alone also fires on strongly skewed unimodal data (an exponential sits
 *       right at 5/9), hence:</li>
 *   <li><b>a clean gap</b>: split the sorted samples where the within-cluster sum of squares is
 *       smallest (the exact one-dimensional 2-means split), and require Ashman's separation
 *       D = √2·|m₁ − m₂| / √(s₁² + s₂²) above 3 with each side holding at least 10 % of the
 *       samples. Splitting any unimodal set in two already yields D ≈ 2.6 (normal, exponential),
 *       so 3 asks for a real valley; smaller far-away clumps are left to the Tukey outlier
 *       counts.</li>
 * </ol>
 * The test is conservative: it flags clearly separated clusters, not every mixture.
 *
 * @param coefficient   Sarle's BC (NaN below 4 samples or with zero variance)
 * @param separation    Ashman's D of the best two-cluster split (NaN when not computed)
 * @param split         the boundary between the clusters (midpoint between them)
 * @param upperFraction share of the samples in the upper cluster, in (0, 1)
 * @param lowerCenter   median of the lower cluster
 * @param upperCenter   median of the upper cluster
 * @param bimodal       both conditions hold
 */
public record Bimodality(double coefficient, double separation, double split, double upperFraction,
                         double lowerCenter, double upperCenter, boolean bimodal) {

    public static final double SARLE_THRESHOLD = 5.0 / 9.0;
    public static final double SEPARATION_THRESHOLD = 3.0;
    public static final double MIN_CLUSTER_FRACTION = 0.10;

    private static final Bimodality NOT_COMPUTED =
            new Bimodality(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, false);

    public static Bimodality assess(double[] samples) {
        int n = samples.length;
        if (n < 4) {
            return NOT_COMPUTED;
        }
        double g = new Skewness().evaluate(samples);
        double kappa = new Kurtosis().evaluate(samples);
        if (!Double.isFinite(g) || !Double.isFinite(kappa)) {
            return NOT_COMPUTED; // all values equal: no shape to judge
        }
        double coefficient = (g * g + 1) / (kappa + 3.0 * (n - 1) * (n - 1) / ((n - 2.0) * (n - 3.0)));

        double[] sorted = samples.clone();
        Arrays.sort(sorted);
        int k = bestSplit(sorted);
        Mean mean = new Mean();
        Variance variance = new Variance();
        double m1 = mean.evaluate(sorted, 0, k);
        double m2 = mean.evaluate(sorted, k, n - k);
        double v1 = variance.evaluate(sorted, 0, k);
        double v2 = variance.evaluate(sorted, k, n - k);
        double separation = Math.sqrt(2) * Math.abs(m2 - m1) / Math.sqrt(v1 + v2);
        double upperFraction = (n - k) / (double) n;
        double lowerCenter = Quantiles.of(Arrays.copyOfRange(sorted, 0, k), 0.5);
        double upperCenter = Quantiles.of(Arrays.copyOfRange(sorted, k, n), 0.5);
        boolean bimodal = coefficient > SARLE_THRESHOLD
                && separation > SEPARATION_THRESHOLD
                && Math.min(upperFraction, 1 - upperFraction) >= MIN_CLUSTER_FRACTION
                && Math.min(k, n - k) >= 2;
        double split = (sorted[k - 1] + sorted[k]) / 2;
        return new Bimodality(coefficient, separation, split, upperFraction, lowerCenter, upperCenter, bimodal);
    }

    /**
     * Index k in [1, n−1] minimising the summed squared deviations of sorted[0..k) and
     * sorted[k..n). Exact in O(n) with prefix sums; written here because Commons Math's
     * k-means (KMeansPlusPlusClusterer) is randomised and may stop in a local optimum.
     */
    static int bestSplit(double[] sorted) {
        int n = sorted.length;
        double shift = sorted[n / 2]; // centre the data so the prefix sums of squares stay accurate
        double[] sum = new double[n + 1];
        double[] sumSquares = new double[n + 1];
        for (int i = 0; i < n; i++) {
            double x = sorted[i] - shift;
            sum[i + 1] = sum[i] + x;
            sumSquares[i + 1] = sumSquares[i] + x * x;
        }
        int best = 1;
        double bestCost = Double.POSITIVE_INFINITY;
        for (int k = 1; k < n; k++) {
            double left = sumSquares[k] - sum[k] * sum[k] / k;
            double rightSum = sum[n] - sum[k];
            double right = (sumSquares[n] - sumSquares[k]) - rightSum * rightSum / (n - k);
            double cost = left + right;
            if (cost < bestCost) {
                bestCost = cost;
                best = k;
            }
        }
        return best;
    }
}
