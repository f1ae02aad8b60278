package org.forklab.stats;

/**
 * A lesson's claim next to a measurement: the claimed range, the measured median and its
 * interval (converted into the claim's unit), and the {@link Verdict}. No explanation of a
 * disagreement; the caller that knows the experiment adds that.
 *
 * @param claim    what is claimed, as a label ("pthread_create")
 * @param range    the claimed range with its unit
 * @param measured the measured median, in the claim's unit
 * @param interval the median's interval, in the claim's unit; when undefined (one sample) the
 *                 verdict uses the median alone
 */
public record ClaimCheck(String claim, ClaimRange range, double measured, Interval interval, Verdict verdict) {

    /** Checks {@code summary} (of samples in {@code samplesUnit}) against {@code range}. */
    public static ClaimCheck of(String claim, ClaimRange range, Summary summary, Unit samplesUnit) {
        double factor = samplesUnit.convert(1, range.unit());
        double measured = summary.median() * factor;
        Interval interval = summary.medianInterval().isDefined()
                ? summary.medianInterval().scaled(factor)
                : Interval.undefined(summary.medianInterval().confidence());
        Interval decisive = interval.isDefined() ? interval : new Interval(measured, measured, interval.confidence());
        return new ClaimCheck(claim, range, measured, interval, Verdict.of(decisive, range));
    }

    /** How many times the claim's midpoint the measured median is (for sentences such as "3× the claim"). */
    public double ratioToClaimMidpoint() {
        double mid = (range.low() + range.high()) / 2;
        return mid != 0 ? measured / mid : Double.NaN;
    }
}
