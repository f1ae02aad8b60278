package org.forklab.magics.readings;

import java.util.Optional;
import org.forklab.experiments.core.Samples;
import org.forklab.stats.Bimodality;
import org.forklab.stats.Comparison;
import org.forklab.stats.Summary;
import org.forklab.stats.Unit;
import org.forklab.stats.format.ComparisonText;
import org.forklab.stats.format.Units;

/**
 * Two conditions of one run set against each other in one sentence: which is larger and by how
 * much (the ratio of medians with its bootstrap interval), or that the data show no detectable
 * difference, or that one of them falls in two clusters so no median describes it, or that one
 * was not measured. The branch is chosen by {@link Comparison}, never written in advance.
 */
public final class Contrast {
    /** How the larger side is said to relate to the smaller one. */
    public enum Measure {
        TIME("takes", "as long as"), SIZE("uses", "as much as"), COUNT("counts", "as many as");

        private final String verb;
        private final String comparative;

        Measure(String verb, String comparative) {
            this.verb = verb;
            this.comparative = comparative;
        }
    }

    /** Which sentence the data chose. */
    public enum Kind { CLEARLY_DIFFERENT, NO_DETECTABLE_DIFFERENCE, BIMODAL, NOT_MEASURED }

    /** A condition's name in the sentence ("fork") and its samples (empty when not measured). */
    public record Side(String name, Optional<Samples> samples) {
        public static Side of(String name, Samples samples) {
            return new Side(name, Optional.ofNullable(samples).filter(s -> s.size() > 0));
        }

        public static Side missing(String name) {
            return new Side(name, Optional.empty());
        }
    }

    /**
     * @param kind       the branch taken
     * @param sentence   the sentence, without a final full stop
     * @param comparison larger against smaller (ratio ≥ 1), when both were measured
     * @param larger     the name of the side with the larger median, when both were measured
     */
    public record Outcome(Kind kind, String sentence, Optional<Comparison> comparison, Optional<String> larger) {
    }

    private Contrast() {
    }

    /**
     * @param measure      what the samples measure, which sets the verb
     * @param bimodalCause the likely cause when a side falls in two clusters, or null
     */
    public static Outcome of(Side a, Side b, Measure measure, String bimodalCause) {
        if (a.samples().isEmpty() || b.samples().isEmpty()) {
            String which = a.samples().isEmpty() && b.samples().isEmpty() ? "neither " + a.name() + " nor " + b.name()
                    + " was measured" : (a.samples().isEmpty() ? a.name() : b.name()) + " was not measured";
            return new Outcome(Kind.NOT_MEASURED, which + " in this run, so the two cannot be compared",
                    Optional.empty(), Optional.empty());
        }
        Samples sa = a.samples().get();
        Samples sb = b.samples().get();
        Unit unit = sa.unit();
        Comparison c = Comparison.of(sa.values(), sb.values());
        Side small = a;
        Side large = b;
        if (c.ratio() < 1) {
            c = Comparison.of(sb.values(), sa.values());
            small = b;
            large = a;
        }
        String ratio = ratio(c);
        String medians = "medians " + Units.format(c.medianB(), unit) + " and " + Units.format(c.medianA(), unit);
        Optional<String> clustered = clustered(large, unit);
        if (clustered.isEmpty()) {
            clustered = clustered(small, unit);
        }
        if (clustered.isPresent()) {
            // name both sides: "the ratio of medians" alone left the reader guessing what was divided by what
            return new Outcome(Kind.BIMODAL, clustered.get() + ", so the ratio of medians of " + large.name() + " to "
                    + small.name() + " (" + ratio + "; " + medians + ") describes neither cluster"
                    + (bimodalCause == null ? "" : "; likely cause: " + bimodalCause),
                    Optional.of(c), Optional.of(large.name()));
        }
        if (c.difference() == Comparison.Difference.NO_CLEAR_DIFFERENCE) {
            return new Outcome(Kind.NO_DETECTABLE_DIFFERENCE, "no detectable difference between " + a.name() + " and "
                    + b.name() + ": the ratio of medians is " + ratio + ", Mann–Whitney " + ComparisonText.pValue(c.mannWhitneyP())
                    + " (" + medians + ")", Optional.of(c), Optional.of(large.name()));
        }
        return new Outcome(Kind.CLEARLY_DIFFERENT, large.name() + " " + measure.verb + " " + Units.number(c.ratio()) + "× "
                + measure.comparative + " " + small.name()
                + " (" + interval(c).map(i -> i + "; ").orElse("") + medians + ")", Optional.of(c), Optional.of(large.name()));
    }

    /** "45.2× (95 % CI 41.0–49.8×)". */
    static String ratio(Comparison c) {
        return Units.number(c.ratio()) + "×" + interval(c).map(i -> " (" + i + ")").orElse("");
    }

    /** "95 % CI 41.0–49.8×", when the bootstrap gave one. */
    static Optional<String> interval(Comparison c) {
        return c.ratioInterval().isDefined()
                ? Optional.of(Units.level(c.ratioInterval().confidence()) + " % CI " + Units.number(c.ratioInterval().low())
                        + "–" + Units.number(c.ratioInterval().high()) + "×")
                : Optional.empty();
    }

    private static Optional<String> clustered(Side side, Unit unit) {
        Bimodality b = Summary.of(side.samples().orElseThrow().values()).bimodality();
        return b.bimodal() ? Optional.of(side.name() + " fell in two clusters, near " + Units.format(b.lowerCenter(), unit)
                + " and near " + Units.format(b.upperCenter(), unit)) : Optional.empty();
    }
}
