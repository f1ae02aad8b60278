/**
 * Turning statistics into text: numbers with human units, fixed-width text tables, HTML tables,
 * one-line verdicts. Kept apart from the results themselves (as JMH keeps {@code results/format}
 * apart from {@code results}), so the same result can be shown in a notebook, a terminal or a file.
 */
package org.forklab.stats.format;
