package org.forklab.experiments.ipc;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The bounded buffer between processes: a ring of {@code capacity} long items in a file both
 * map. Layout: items taken (written only by the consumer) at 0, items put (only by the
 * producer) at 64, a "consumer ready" flag at 128, the items from 256. The producer writes an
 * item, then release-stores the new count put; the consumer acquire-loads that count before
 * reading the item, and release-stores its count taken after reading, which the producer
 * acquire-loads before reusing the slot. Full and empty are waited out with {@link SpinWait}
 * (no process-shared condition variable in Java). Each side caches the other's count and
 * re-reads it only when the cached value says full or empty, so the shared line is touched
 * once per batch of progress, not once per item.
 */
final class SharedLongRing {
    static final int HEADER = 256;
    private static final VarHandle LONGS = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.nativeOrder());
    private static final int TAKEN = 0;
    private static final int PUT = 64;
    private static final int READY = 128;

    private final ByteBuffer map;
    private final int capacity;
    private final Liveness liveness;
    private final SpinWait wait = new SpinWait();
    private long mine;
    private long theirsSeen;

    SharedLongRing(ByteBuffer map, int capacity, Liveness liveness) {
        this.map = map;
        this.capacity = capacity;
        this.liveness = liveness;
    }

    static long fileSize(int capacity) {
        return HEADER + 8L * capacity;
    }

    void put(long item) throws IOException, InterruptedException {
        if (mine - theirsSeen == capacity) {
            wait.reset();
            while (mine - (theirsSeen = (long) LONGS.getAcquire(map, TAKEN)) == capacity) {
                wait.pause(liveness);
            }
        }
        map.putLong(HEADER + (int) (mine % capacity) * 8, item);
        mine++;
        LONGS.setRelease(map, PUT, mine);
    }

    long take() throws IOException, InterruptedException {
        if (theirsSeen == mine) {
            wait.reset();
            while ((theirsSeen = (long) LONGS.getAcquire(map, PUT)) == mine) {
                wait.pause(liveness);
            }
        }
        long item = map.getLong(HEADER + (int) (mine % capacity) * 8);
        mine++;
        LONGS.setRelease(map, TAKEN, mine);
        return item;
    }

    void markConsumerReady() {
        LONGS.setRelease(map, READY, 1L);
    }

    void awaitConsumerReady() throws IOException, InterruptedException {
        wait.reset();
        while ((long) LONGS.getAcquire(map, READY) == 0) {
            wait.pause(liveness);
        }
    }
}
