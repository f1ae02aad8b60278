package org.forklab.stats.format;

import org.forklab.stats.Comparison;
import org.forklab.stats.RoundComparison;

/** A {@link Comparison} in one line, for under a chart or in a text cell. */
public final class ComparisonText {

    private ComparisonText() {
    }

    /**
     * For instance "fork / pthread_create: median ratio 45.2× (95 % CI 41.0–49.8×), Mann–Whitney
     * p < 0.001, Welch p < 0.001 → fork higher".
     */
    public static String verdictLine(String nameA, String nameB, Comparison c) {
        String level = Units.level(c.ratioInterval().confidence());
        String interval = c.ratioInterval().isDefined()
                ? " (" + level + " % CI " + Units.number(c.ratioInterval().low()) + "–"
                        + Units.number(c.ratioInterval().high()) + "×)"
                : "";
        String outcome = switch (c.difference()) {
            case B_HIGHER -> nameB + " higher";
            case B_LOWER -> nameB + " lower";
            case NO_CLEAR_DIFFERENCE -> "no clear difference";
        };
        return nameB + " / " + nameA + ": median ratio " + Units.number(c.ratio()) + "×" + interval
                + ", Mann–Whitney " + pValue(c.mannWhitneyP()) + ", Welch " + pValue(c.welchP()) + " → " + outcome;
    }

    /**
     * For instance "processes / threads over 8 interleaved rounds: median per-round ratio 1.31×
     * (95 % CI 1.22–1.40×), Wilcoxon signed-rank p = 0.0078 → processes higher".
     */
    public static String roundsLine(String nameA, String nameB, RoundComparison c) {
        String level = Units.level(c.ratioInterval().confidence());
        String interval = c.ratioInterval().isDefined()
                ? " (" + level + " % CI " + Units.number(c.ratioInterval().low()) + "–"
                        + Units.number(c.ratioInterval().high()) + "×)"
                : " (no " + level + " % interval from " + c.rounds() + " rounds; "
                        + RoundComparison.roundsNeeded(c.ratioInterval().confidence()) + " or more are needed)";
        String outcome = switch (c.difference()) {
            case B_HIGHER -> nameB + " higher";
            case B_LOWER -> nameB + " lower";
            case NO_CLEAR_DIFFERENCE -> "no clear difference";
        };
        return nameB + " / " + nameA + " over " + c.rounds() + " interleaved rounds: median per-round ratio "
                + Units.number(c.ratio()) + "×" + interval + ", Wilcoxon signed-rank " + pValue(c.wilcoxonP())
                + " → " + outcome;
    }

    /** "p = 0.0213", "p < 0.001", "p n/a". */
    public static String pValue(double p) {
        if (Double.isNaN(p)) {
            return "p n/a";
        }
        return p < 0.001 ? "p < 0.001" : "p = " + Units.number(p);
    }
}
