package org.forklab.experiments.core;

/**
 * Where an experiment announces the phase it starts (one variant, transport, server count or
 * round), in the way JMH's runner announces iterations to its {@code OutputFormat}. The
 * experiment calls it from its own loop, so the same run serves a magic (which shows a progress
 * line), a Java cell and a unit test (which pass {@link #NONE}); nothing here knows of a screen.
 */
@FunctionalInterface
public interface ProgressListener {
    /** For callers that show no progress. */
    ProgressListener NONE = (what, done, total) -> {
    };

    /** Phase {@code what} starts; {@code done} of {@code total} phases have finished (total 0 when unknown). */
    void phase(String what, int done, int total);
}
