/**
 * Statistics for measured samples, on Apache Commons Math.
 *
 * <p>Inputs are plain data: {@code double[]} samples in a unit the caller names, and labels.
 * Outputs are immutable records. Nothing here knows about experiments, the kernel or magics;
 * turning results into text or HTML lives in {@link org.forklab.stats.format}.
 *
 * <p>Estimators are named so a reader can reproduce every figure: quantiles use Commons Math
 * {@code Percentile} with {@code EstimationType.R_7} (R's default type 7, NumPy's "linear"),
 * confidence intervals are two-sided at the level given in {@link org.forklab.stats.StatsOptions}.
 */
package org.forklab.stats;
