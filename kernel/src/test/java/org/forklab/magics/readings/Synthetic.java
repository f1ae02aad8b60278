package org.forklab.magics.readings;

import java.util.Optional;
import org.forklab.experiments.core.Samples;
import org.forklab.magics.claims.Claim;
import org.forklab.magics.claims.ClaimOutcome;
import org.forklab.stats.ClaimCheck;
import org.forklab.stats.ClaimRange;
import org.forklab.stats.Interval;
import org.forklab.stats.Unit;
import org.forklab.stats.Verdict;

/** Synthetic samples and claim outcomes whose branch is known by construction. */
final class Synthetic {
    private Synthetic() {
    }

    /** n values spread evenly over ±3 % of {@code centre}. */
    static double[] around(double centre, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = centre * (0.97 + 0.06 * i / (n - 1));
        }
        return v;
    }

    /** Half the values near {@code low}, half near {@code high}: two clusters. */
    static double[] twoClusters(double low, double high, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = (i % 2 == 0 ? low : high) * (0.99 + 0.02 * i / (n - 1));
        }
        return v;
    }

    static Samples ns(String label, double[] values) {
        return Samples.of(label, Unit.NANOSECONDS, values);
    }

    /** A claim "low–high µs" measured at {@code value} with the interval [lo, hi], judged by stats. */
    static ClaimOutcome outcome(String id, double low, double high, double value, double lo, double hi) {
        ClaimRange range = new ClaimRange(low, high, Unit.MICROSECONDS);
        Interval interval = new Interval(lo, hi, 0.95);
        Verdict verdict = Verdict.of(interval, range);
        Claim claim = new Claim(id, "4. Cost", id + " costs " + low + "–" + high + " µs", range, "%spawn",
                r -> Optional.empty(), (v, env, result) -> "a cause");
        ClaimCheck check = new ClaimCheck(claim.statement(), range, value, interval, verdict);
        return new ClaimOutcome(claim, check, verdict == Verdict.WITHIN ? Optional.empty()
                : Optional.of(id + " cause"));
    }
}
