package org.forklab.magics.claims;

import java.util.List;
import java.util.Optional;
import org.forklab.experiments.core.Limits;

/**
 * A claim of the lesson that no interval can settle: a fact about the system (the size of an
 * address space) or a statement about typical practice (how many threads a program usually
 * runs). It is answered by a sentence built from this machine's limits and from how far the
 * session's experiments reached, never by a verdict on a measured value.
 *
 * @param id        a short stable key, e.g. "typical-threads"
 * @param section   the lesson section, e.g. "7. Resources and scale"
 * @param statement the claim in the project's own words
 * @param magic     what answers it, e.g. "%scale or %c10k"
 * @param answer    the sentence for this machine and session, if they can answer it
 */
public record Fact(String id, String section, String statement, String magic, Answer answer) {

    /** What a fact is answered from: the session's results (newest first) and the machine. */
    public record Context(List<Object> newestFirst, Limits limits, AddressSpace addressSpace) {
        public Context {
            newestFirst = List.copyOf(newestFirst);
        }
    }

    @FunctionalInterface
    public interface Answer {
        Optional<String> of(Context context);
    }

    /** "statement: answer", or empty while the session has not run what answers it. */
    public Optional<String> sentence(Context context) {
        return answer.of(context).map(a -> statement + ": " + a);
    }
}
