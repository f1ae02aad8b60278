package org.forklab.experiments.ipc;

/**
 * What the consumer saw of the numbered items 0, 1, 2, … the producer sent.
 *
 * @param expected       items the producer sent
 * @param received       items the consumer took
 * @param misplaced      items whose value was not their position (lost, duplicated or reordered)
 * @param firstMisplaced position of the first such item, or -1
 */
public record ItemCheck(long expected, long received, long misplaced, long firstMisplaced) {

    /** Every item arrived, once, in order. */
    public boolean exactlyOnceInOrder() {
        return received == expected && misplaced == 0;
    }
}
