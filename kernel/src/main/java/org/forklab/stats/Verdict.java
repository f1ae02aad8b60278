package org.forklab.stats;

/**
 * How a measured median and its interval relate to a claimed range. The interval decides, so a
 * median that sits inside the claim with an interval reaching out of it is OVERLAPPING, not
 * WITHIN: the data cannot yet tell.
 */
public enum Verdict {
    /** The whole interval lies inside the claimed range. */
    WITHIN,
    /** The whole interval lies below the claimed range. */
    BELOW,
    /** The whole interval lies above the claimed range. */
    ABOVE,
    /** The interval straddles an edge of the claimed range (or contains all of it). */
    OVERLAPPING,
    /**
     * No verdict: the measurement itself cannot be read (a fit with r² below 0.9 or an interval
     * across zero). Never returned by {@link #of}; set by the caller that knows the fit.
     */
    UNDECIDED;

    public static Verdict of(Interval measured, ClaimRange claim) {
        if (measured.high() < claim.low()) {
            return BELOW;
        }
        if (measured.low() > claim.high()) {
            return ABOVE;
        }
        if (claim.low() <= measured.low() && measured.high() <= claim.high()) {
            return WITHIN;
        }
        return OVERLAPPING;
    }

    /** Lower-case word for tables: "within", "below", "above", "overlapping", "undecided". */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
