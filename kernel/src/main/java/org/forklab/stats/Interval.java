package org.forklab.stats;

/**
 * A two-sided interval at a stated confidence level (0.95 for a 95 % interval). NaN bounds
 * mean the interval could not be computed (for instance a t interval from one sample).
 */
public record Interval(double low, double high, double confidence) {

    public Interval {
        if (low > high) {
            throw new IllegalArgumentException("interval low " + low + " is above high " + high);
        }
    }

    /** An interval that could not be computed from the data given. */
    public static Interval undefined(double confidence) {
        return new Interval(Double.NaN, Double.NaN, confidence);
    }

    public boolean isDefined() {
        return !Double.isNaN(low) && !Double.isNaN(high);
    }

    public boolean contains(double value) {
        return low <= value && value <= high;
    }

    public double width() {
        return high - low;
    }

    /** This interval with both bounds multiplied by {@code factor} (a unit conversion). */
    public Interval scaled(double factor) {
        return factor >= 0 ? new Interval(low * factor, high * factor, confidence)
                : new Interval(high * factor, low * factor, confidence);
    }
}
