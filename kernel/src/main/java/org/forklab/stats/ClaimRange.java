package org.forklab.stats;

/** A range a lesson claims, such as "creating a thread costs 2–10 µs": (2, 10, MICROSECONDS). */
public record ClaimRange(double low, double high, Unit unit) {

    public ClaimRange {
        if (!Double.isFinite(low) || !Double.isFinite(high) || low > high || unit == null) {
            throw new IllegalArgumentException("a claimed range needs finite low ≤ high and a unit, got "
                    + low + "–" + high + " " + unit);
        }
    }

    public boolean contains(double value) {
        return low <= value && value <= high;
    }
}
