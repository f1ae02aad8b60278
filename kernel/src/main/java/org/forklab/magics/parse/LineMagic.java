package org.forklab.magics.parse;

import org.forklab.magics.io.Bench;

/**
 * A line magic: a picocli {@code @Command} class whose annotated fields hold its arguments.
 * {@link MagicParser} fills a fresh instance for every call, then {@link #run} does the work.
 */
public interface LineMagic {
    /** Runs with the parsed fields; shows its output through {@code bench}. */
    void run(Bench bench) throws Exception;
}
