package org.forklab.experiments.core;

import java.util.List;
import java.util.Map;

/**
 * What every timed experiment result offers, whatever else it holds, so that saving,
 * comparing, statistics and charts can treat results alike. Results are immutable records.
 */
public interface Measured {

    /** A short name of the experiment, e.g. "spawn" or "pingpong". */
    String experiment();

    /** Where it was measured. */
    Environment environment();

    /** The configuration as name to value words, in a stable order, for display and saving. */
    Map<String, String> settings();

    /** One set of raw samples per condition measured (e.g. one per mechanism or placement). */
    List<Samples> samples();
}
