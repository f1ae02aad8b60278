package org.forklab.experiments.core;

import java.util.List;

/**
 * What every timed experiment result offers, whatever else it holds, so that saving,
 * comparing, statistics and charts can treat results alike. Results are immutable records.
 */
public interface Measured {

    /** A short name of the experiment, e.g. "spawn" or "pingpong". */
    String experiment();

    /** Where it was measured. */
    Environment environment();

    /** The configuration, read by key; in a stable order of labels for display and saving. */
    Settings settings();

    /** One set of raw samples per condition measured (e.g. one per mechanism or placement). */
    List<Samples> samples();
}
