package org.forklab.stats;

import java.util.Locale;
import java.util.Optional;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * Ordinary least squares y = intercept + slope·x (Commons Math {@code SimpleRegression}), for
 * cost per entity against a count or a size: fork time against touched memory, the slope is
 * the cost per byte. {@code slopeInterval} is the t interval from
 * {@code getSlopeConfidenceInterval}; undefined with fewer than 3 points.
 */
public record Regression(int n, double slope, double intercept, Interval slopeInterval,
                         double slopeStdErr, double rSquared) {
    /** Below this share of variance explained, a slope is not read as a cost per entity. */
    public static final double MIN_R_SQUARED = 0.9;
    /** The words every poor fit ends with, so a display can say what to do. */
    public static final String TOO_POOR = "the fit is too poor to tell; add ";
    /** What more to measure for a fit against counts (of threads, processes, connections). */
    public static final String MORE_COUNTS = "counts";

    public static Regression of(double[] x, double[] y) {
        return of(x, y, 0.95);
    }

    public static Regression of(double[] x, double[] y, double confidence) {
        double[] xs = Samples.checked("x", x, 2);
        double[] ys = Samples.checked("y", y, 2);
        if (xs.length != ys.length) {
            throw new IllegalArgumentException("x has " + xs.length + " values but y has " + ys.length
                    + "; give one y per x");
        }
        SimpleRegression regression = new SimpleRegression(true);
        for (int i = 0; i < xs.length; i++) {
            regression.addData(xs[i], ys[i]);
        }
        double slope = regression.getSlope();
        if (Double.isNaN(slope)) {
            throw new IllegalArgumentException("all x values are equal (" + xs[0]
                    + "); a slope needs at least two different x values");
        }
        Interval interval = Interval.undefined(confidence);
        if (xs.length >= 3) {
            double half = regression.getSlopeConfidenceInterval(1 - confidence);
            if (Double.isFinite(half)) {
                interval = new Interval(slope - half, slope + half, confidence);
            }
        }
        return new Regression(xs.length, slope, regression.getIntercept(), interval,
                regression.getSlopeStdErr(), regression.getRSquare());
    }

    /** The fitted value at {@code x}. */
    public double predict(double x) {
        return intercept + slope * x;
    }

    /**
     * Why this slope cannot carry a verdict, or empty when it can: fewer than three points (no
     * interval), r² below {@link #MIN_R_SQUARED}, or an interval that reaches across zero (the
     * data cannot even tell whether the quantity grows with the count).
     */
    public Optional<String> tooPoorToTell() {
        return tooPoorToTell(MORE_COUNTS);
    }

    /** As {@link #tooPoorToTell()}, advising to add {@code more} (the x values this fit was drawn against). */
    public Optional<String> tooPoorToTell(String more) {
        if (!slopeInterval.isDefined()) {
            return Optional.of(n + " points give no interval: " + TOO_POOR + more);
        }
        if (!(rSquared >= MIN_R_SQUARED)) {
            return Optional.of(String.format(Locale.ROOT, "r² = %.2f is below %.1f: %s%s", rSquared, MIN_R_SQUARED, TOO_POOR, more));
        }
        if (slopeInterval.contains(0)) {
            return Optional.of("the slope's interval reaches across zero: " + TOO_POOR + more);
        }
        return Optional.empty();
    }
}
