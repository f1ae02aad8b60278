package org.forklab.experiments.scale;

import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * A least-squares line through (count, quantity): the slope is the cost of one more entity.
 *
 * @param slope          units per entity
 * @param intercept      units at count 0 (the fixed part)
 * @param slopeStdErr    standard error of the slope (NaN below three points)
 * @param slopeCi95      half-width of the slope's 95 % confidence interval (t distribution, n-2 degrees of freedom)
 * @param rSquared       share of the variance the line explains
 * @param points         how many (x, y) pairs
 */
public record Slope(double slope, double intercept, double slopeStdErr, double slopeCi95, double rSquared, int points) {

    public static Slope fit(double[] x, double[] y) {
        SimpleRegression r = new SimpleRegression(true);
        for (int i = 0; i < x.length; i++) {
            r.addData(x[i], y[i]);
        }
        boolean enough = x.length >= 3;
        return new Slope(r.getSlope(), r.getIntercept(), enough ? r.getSlopeStdErr() : Double.NaN,
                enough ? r.getSlopeConfidenceInterval() : Double.NaN, r.getRSquare(), x.length);
    }
}
