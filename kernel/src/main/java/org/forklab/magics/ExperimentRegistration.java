package org.forklab.magics;

import java.util.List;
import java.util.function.Function;
import org.forklab.experiments.core.ProgressListener;
import org.forklab.magics.io.Bundle;
import org.forklab.magics.parse.MagicDefinition;
import org.forklab.magics.readings.Reading;

/**
 * One experiment magic as every part of forklab needs it: the magic itself, the type of result
 * its experiment returns, the view that shows that result (for the magic and for Lab.show), the
 * reading the display opens with, the
 * call that measures from the parsed options (for Lab.run), and small example arguments that
 * finish in seconds (the tests' small runs). Made only by {@link Registrations.Builder#experiment}.
 *
 * @param <M> the magic's picocli command class
 * @param <R> the experiment's result record
 */
public record ExperimentRegistration<M, R>(MagicDefinition magic, Class<R> resultType, Function<? super R, Bundle> view,
                                           Function<? super R, Reading> reading, Measurement<M, R> measurement,
                                           String example) {

    /** Runs the experiment the parsed magic {@code command} describes, announcing its phases. */
    @FunctionalInterface
    public interface Measurement<M, R> {
        R run(M command, ProgressListener progress) throws Exception;
    }

    /** The name typed after %, e.g. "spawn". */
    public String name() {
        return magic.name();
    }

    /** The example as the words a magic receives (the examples hold no quotes). */
    public List<String> exampleArgs() {
        return List.of(example.trim().split("\\s+"));
    }

    /** Measures with a command parsed and checked by the caller. */
    @SuppressWarnings("unchecked")
    R measure(Object command, ProgressListener progress) throws Exception {
        return measurement.run((M) command, progress);
    }
}
