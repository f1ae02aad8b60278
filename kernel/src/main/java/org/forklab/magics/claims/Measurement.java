package org.forklab.magics.claims;

import java.util.Optional;
import org.forklab.experiments.core.Samples;
import org.forklab.stats.Interval;
import org.forklab.stats.Regression;
import org.forklab.stats.Summary;
import org.forklab.stats.Unit;

/**
 * What answers a claim: a value with its interval in a unit, and how it was obtained — the
 * median of raw samples (bootstrap interval) or the slope of a quantity against a count
 * (regression interval), e.g. memory per thread.
 */
public record Measurement(double value, Interval interval, Unit unit, String how, Optional<String> undecided) {

    /** A measurement that can carry a verdict. */
    public Measurement(double value, Interval interval, Unit unit, String how) {
        this(value, interval, unit, how, Optional.empty());
    }

    /** The median of {@code samples} with its bootstrap interval. */
    public static Measurement median(Samples samples) {
        Summary s = Summary.of(samples.values());
        return new Measurement(s.median(), s.medianInterval(), samples.unit(),
                "median of " + samples.size() + " samples");
    }

    /** The least-squares slope of y against x (units of y per entity) with its interval; undecided when the fit is poor. */
    public static Measurement slope(double[] x, double[] y, Unit unit, String perWhat) {
        Regression r = Regression.of(x, y);
        return new Measurement(r.slope(), r.slopeInterval(), unit, "slope per " + perWhat + " over " + r.n() + " counts",
                r.tooPoorToTell());
    }
}
