package org.forklab.experiments.ipc;

import org.forklab.experiments.core.Samples;

/**
 * One mechanism's run.
 *
 * @param mechanism     the mechanism's word
 * @param description   what carried the items
 * @param itemsPerSecond one value per timed block; the first (cold) block apart in {@code cold()}
 * @param check         whether every item arrived exactly once, in order
 */
public record BufferRun(String mechanism, String description, Samples itemsPerSecond, ItemCheck check) {
}
