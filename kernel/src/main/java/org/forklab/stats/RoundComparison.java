package org.forklab.stats;

import java.util.Arrays;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.stat.inference.WilcoxonSignedRankTest;

/**
 * Variant b against variant a when both ran in interleaved rounds (a b, a b, …): each round
 * gives one median per variant, and the rounds, not the samples, are the units of evidence.
 * Consecutive samples share the machine's state of the moment (load, frequency, cache), so a
 * test that treats them as independent calls any slow drift "significant"; pairing a and b
 * within a round cancels the drift, and the test counts rounds.
 *
 * <ul>
 *   <li>ratio: the median of the per-round ratios median(b)/median(a);</li>
 *   <li>its interval: the distribution-free interval for a median from order statistics
 *       (the sign-test interval): [r(k), r(n−k+1)] with the largest k whose coverage reaches the
 *       confidence level; undefined with too few rounds (fewer than 6 at 95 %);</li>
 *   <li>p: the Wilcoxon signed-rank test on the paired round medians (Commons Math
 *       {@code WilcoxonSignedRankTest}, exact up to 30 rounds).</li>
 * </ul>
 * b differs from a only when p is below α and the interval lies wholly on one side of 1.
 */
public record RoundComparison(int rounds, double medianA, double medianB, double ratio, Interval ratioInterval,
                              double wilcoxonP, Comparison.Difference difference) {

    /** Rounds of samples of a and of b; round i of a is paired with round i of b. */
    public static RoundComparison of(double[][] a, double[][] b) {
        return of(a, b, StatsOptions.defaults());
    }

    public static RoundComparison of(double[][] a, double[][] b, StatsOptions options) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("a has " + a.length + " rounds but b has " + b.length
                    + "; pair each round of a with the round of b it ran in");
        }
        double[] ma = new double[a.length];
        double[] mb = new double[b.length];
        for (int i = 0; i < a.length; i++) {
            ma[i] = Quantiles.of(Samples.checked("a round " + (i + 1), a[i], 1), 0.5);
            mb[i] = Quantiles.of(Samples.checked("b round " + (i + 1), b[i], 1), 0.5);
        }
        return ofRoundMedians(ma, mb, options);
    }

    /** From the per-round medians directly. */
    public static RoundComparison ofRoundMedians(double[] ma, double[] mb, StatsOptions options) {
        int n = ma.length;
        if (n < 1 || n != mb.length) {
            throw new IllegalArgumentException("give one median per round for both a and b (got " + ma.length + " and "
                    + mb.length + ")");
        }
        double[] ratios = new double[n];
        for (int i = 0; i < n; i++) {
            ratios[i] = ma[i] != 0 ? mb[i] / ma[i] : Double.NaN;
        }
        Arrays.sort(ratios);
        double ratio = Quantiles.of(ratios, 0.5);
        Interval interval = orderStatisticInterval(ratios, options.confidence());
        double p = Double.NaN;
        if (n >= 2 && !Arrays.equals(ma, mb)) {
            p = new WilcoxonSignedRankTest().wilcoxonSignedRankTest(ma, mb, n <= 30);
        }
        Comparison.Difference d = Comparison.Difference.NO_CLEAR_DIFFERENCE;
        if (interval.isDefined() && p < 1 - options.confidence()) {
            if (interval.low() > 1) {
                d = Comparison.Difference.B_HIGHER;
            } else if (interval.high() < 1) {
                d = Comparison.Difference.B_LOWER;
            }
        }
        return new RoundComparison(n, Quantiles.of(sorted(ma), 0.5), Quantiles.of(sorted(mb), 0.5), ratio, interval, p, d);
    }

    /** Fewest rounds whose sign-test interval reaches {@code confidence}: 6 at 95 %. */
    public static int roundsNeeded(double confidence) {
        for (int n = 1; n < 1000; n++) {
            if (coverage(n, 1) >= confidence) {
                return n;
            }
        }
        return 1000;
    }

    /** P(r(k) ≤ median ≤ r(n−k+1)) = 1 − 2·P(Binomial(n, ½) ≤ k−1). */
    private static double coverage(int n, int k) {
        return 1 - 2 * new BinomialDistribution(null, n, 0.5).cumulativeProbability(k - 1);
    }

    private static Interval orderStatisticInterval(double[] sortedRatios, double confidence) {
        int n = sortedRatios.length;
        if (Arrays.stream(sortedRatios).anyMatch(Double::isNaN)) {
            return Interval.undefined(confidence);
        }
        int best = 0;
        for (int k = 1; k <= n / 2; k++) {
            if (coverage(n, k) >= confidence) {
                best = k;
            }
        }
        return best == 0 ? Interval.undefined(confidence)
                : new Interval(sortedRatios[best - 1], sortedRatios[n - best], confidence);
    }

    private static double[] sorted(double[] v) {
        double[] c = v.clone();
        Arrays.sort(c);
        return c;
    }
}
