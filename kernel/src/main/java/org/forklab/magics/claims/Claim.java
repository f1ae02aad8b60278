package org.forklab.magics.claims;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.forklab.experiments.core.Environment;
import org.forklab.stats.ClaimRange;
import org.forklab.stats.Verdict;

/**
 * One numeric claim of the lesson, where in the lesson it stands, how to find its measurement
 * in a result, and what most likely explains a disagreement on this machine.
 *
 * @param id          a short stable key, e.g. "fork-minimal"
 * @param section     the lesson section, e.g. "4. Cost"
 * @param statement   the claim in the project's own words
 * @param range       the claimed range and its unit
 * @param magic       the magic (or facade call) that measures it, e.g. "%spawn"
 * @param measurement finds the samples that answer the claim in a result, if that result has them
 * @param cause       one sentence on the likely cause of a disagreement, given the verdict, the machine and
 *                    the result that answered (so that it names what actually ran)
 */
public record Claim(String id, String section, String statement, ClaimRange range, String magic,
                    Function<Object, Optional<Measurement>> measurement, Cause cause) {

    /** Explains a verdict other than WITHIN in one sentence, from what ran in {@code result}. */
    @FunctionalInterface
    public interface Cause {
        String explain(Verdict verdict, Environment environment, Object result);
    }

    /** A measurement of this claim and the experiment result it came from. */
    public record Answer(Object result, Measurement measurement) {
    }

    /** The first of {@code results} (newest first) that measures this claim, with its measurement. */
    public Optional<Answer> findIn(List<Object> newestFirst) {
        for (Object result : newestFirst) {
            Optional<Measurement> found = measurement.apply(result);
            if (found.isPresent()) {
                return Optional.of(new Answer(result, found.get()));
            }
        }
        return Optional.empty();
    }
}
