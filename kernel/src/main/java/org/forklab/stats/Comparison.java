package org.forklab.stats;

import org.apache.commons.math3.stat.inference.MannWhitneyUTest;
import org.apache.commons.math3.stat.inference.TTest;

/**
 * Condition b against condition a (a is the baseline): how many times larger b's median is,
 * with a percentile-bootstrap interval (a and b resampled independently), and two tests of "no
 * difference":
 * <ul>
 *   <li>Mann–Whitney U, two-sided (Commons Math {@code MannWhitneyUTest}: normal approximation,
 *       no continuity correction and no tie correction of the variance; fine for the hundreds
 *       of samples an experiment takes, rough below about 20 per side);</li>
 *   <li>Welch's t, two-sided, unequal variances (Commons Math {@code TTest.tTest(a, b)}), which
 *       compares means and is shown for completeness: latency means are pulled by tails.</li>
 * </ul>
 *
 * @param ratio          median(b) / median(a); NaN when median(a) is 0
 * @param ratioInterval  bootstrap interval of the ratio
 * @param mannWhitneyP   two-sided p-value of Mann–Whitney U
 * @param welchP         two-sided p-value of Welch's t (NaN with fewer than 2 samples a side or no variance)
 * @param difference     the decision at the options' confidence level (see {@link Difference})
 */
public record Comparison(int nA, int nB, double medianA, double medianB, double ratio, Interval ratioInterval,
                         double mannWhitneyU, double mannWhitneyP, double welchP, Difference difference) {

    /** What the data support about median(b) versus median(a). */
    public enum Difference {
        /** b is larger: the ratio's interval lies above 1 and Mann–Whitney rejects at α. */
        B_HIGHER,
        /** b is smaller: the ratio's interval lies below 1 and Mann–Whitney rejects at α. */
        B_LOWER,
        /** Either test leaves room for no difference. */
        NO_CLEAR_DIFFERENCE
    }

    public static Comparison of(double[] a, double[] b) {
        return of(a, b, StatsOptions.defaults());
    }

    public static Comparison of(double[] a, double[] b, StatsOptions options) {
        double[] x = Samples.checked("a", a, 1);
        double[] y = Samples.checked("b", b, 1);
        double medianA = Quantiles.of(x, 0.5);
        double medianB = Quantiles.of(y, 0.5);
        double ratio = medianA != 0 ? medianB / medianA : Double.NaN;
        Interval ratioInterval = medianA != 0
                ? new Bootstrap(options).medianRatioInterval(sorted(x), sorted(y), options.confidence())
                : Interval.undefined(options.confidence());
        MannWhitneyUTest mannWhitney = new MannWhitneyUTest();
        double u = mannWhitney.mannWhitneyU(x, y);
        double mannWhitneyP = mannWhitney.mannWhitneyUTest(x, y);
        double welchP = welchP(x, y);
        double alpha = 1 - options.confidence();
        Difference difference = Difference.NO_CLEAR_DIFFERENCE;
        if (ratioInterval.isDefined() && mannWhitneyP < alpha) {
            if (ratioInterval.low() > 1) {
                difference = Difference.B_HIGHER;
            } else if (ratioInterval.high() < 1) {
                difference = Difference.B_LOWER;
            }
        }
        return new Comparison(x.length, y.length, medianA, medianB, ratio, ratioInterval, u, mannWhitneyP,
                welchP, difference);
    }

    private static double[] sorted(double[] values) {
        double[] copy = values.clone();
        java.util.Arrays.sort(copy);
        return copy;
    }

    private static double welchP(double[] a, double[] b) {
        if (a.length < 2 || b.length < 2) {
            return Double.NaN;
        }
        double p = new TTest().tTest(a, b);
        return Double.isFinite(p) ? p : Double.NaN;
    }
}
