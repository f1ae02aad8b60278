package org.forklab.charts;

/**
 * One bar: its category, its value and an optional interval drawn as an error bar (NaN bounds
 * for none). The interval may be asymmetric, as a bootstrap interval of a median usually is.
 */
public record Bar(String category, double value, double low, double high) {

    public Bar {
        if (category == null || !Double.isFinite(value)) {
            throw new IllegalArgumentException("a bar needs a category and a finite value");
        }
        if (hasInterval(low, high) && !(low <= value && value <= high)) {
            throw new IllegalArgumentException("bar '" + category + "': interval " + low + "–" + high
                    + " does not contain the value " + value);
        }
    }

    public static Bar of(String category, double value) {
        return new Bar(category, value, Double.NaN, Double.NaN);
    }

    public boolean hasInterval() {
        return hasInterval(low, high);
    }

    private static boolean hasInterval(double low, double high) {
        return Double.isFinite(low) && Double.isFinite(high);
    }
}
