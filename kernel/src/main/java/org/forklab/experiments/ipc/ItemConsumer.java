package org.forklab.experiments.ipc;

import java.io.IOException;

/** The consumer's loop, for threads and processes alike: take, check the number, time each block. */
final class ItemConsumer {
    interface Source {
        long take() throws IOException, InterruptedException;
    }

    private ItemConsumer() {
    }

    /**
     * Takes {@code blocks * perBlock} items, each expected to equal its position; writes each
     * block's duration in ns into {@code blockNanos}. Stops early at end of input (EOFException).
     */
    static ItemCheck consume(Source source, long perBlock, long[] blockNanos) throws IOException, InterruptedException {
        long expected = perBlock * blockNanos.length;
        long misplaced = 0;
        long first = -1;
        long position = 0;
        long blockStart = System.nanoTime();
        try {
            for (int b = 0; b < blockNanos.length; b++) {
                for (long i = 0; i < perBlock; i++) {
                    long item = source.take();
                    if (item != position) {
                        misplaced++;
                        if (first < 0) {
                            first = position;
                        }
                    }
                    position++;
                }
                long now = System.nanoTime();
                blockNanos[b] = now - blockStart;
                blockStart = now;
            }
        } catch (java.io.EOFException e) {
            // the producer stopped early: the check below shows how many items are missing
        }
        return new ItemCheck(expected, position, misplaced, first);
    }
}
