package org.forklab.stats;

/**
 * Reasons to read a summary with care. The figures behind each are in {@link Summary};
 * {@link org.forklab.stats.format.SummaryText} turns them into sentences with units.
 */
public enum Warning {
    /** The slowest sample exceeds 4 × the fastest (IPython's %timeit warns at the same ratio). */
    WIDE_RANGE,
    /** The interquartile range exceeds half the median: the middle half alone is very spread. */
    WIDE_IQR,
    /** Two clearly separated clusters: the median describes neither; see {@link Bimodality}. */
    BIMODAL,
    /** Fewer than {@link Summary#FEW_SAMPLES} samples: intervals and outlier counts are rough. */
    FEW_SAMPLES
}
