package org.forklab.experiments.ipc;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A single-producer, single-consumer ring of frames in memory that two processes map.
 *
 * <p>Layout from {@code base}: the consumer's read position (a long) at 0, the producer's
 * write position at 64 (another cache line, so the two sides do not steal one line from each
 * other on every update), the frames from 128, {@code capacity} bytes, a power of two. Both
 * positions only grow; {@code position % capacity} is the place in the ring.
 *
 * <p>Synchronisation: the producer copies header and payload into the ring with plain writes,
 * then publishes the new write position with a release store; the consumer reads that position
 * with an acquire load and only then reads the bytes before it. Release/acquire through a
 * VarHandle on the mapped buffer orders the plain writes before the position for the compiler
 * and for the CPU (on x86-64 stores are not reordered with other stores anyway, but the JIT
 * could reorder them without the fence). The same pair in the other direction hands the space
 * back: the consumer release-stores its read position after copying the frame out, the
 * producer acquire-loads it before reusing that space.
 */
final class ShmRing {
    static final int HEADER = 128;
    private static final VarHandle LONGS = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.nativeOrder());
    private static final int READ_POS = 0;
    private static final int WRITE_POS = 64;

    private final ByteBuffer map;
    private final int base;
    private final int capacity;
    private final SpinWait wait = new SpinWait();
    private final Liveness liveness;
    private int lastLength;

    ShmRing(ByteBuffer map, int base, int capacity, Liveness liveness) {
        if (Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("ring capacity must be a power of two");
        }
        this.map = map;
        this.base = base;
        this.capacity = capacity;
        this.liveness = liveness;
    }

    /** Bytes a ring of {@code capacity} takes in the file. */
    static int footprint(int capacity) {
        return HEADER + capacity;
    }

    /** The smallest power-of-two capacity that holds two frames of {@code maxPayload} bytes. */
    static int capacityFor(int maxPayload) {
        int need = 2 * align8(FrameLink.HEADER_BYTES + maxPayload);
        return Integer.highestOneBit(Math.max(need, 64 << 10) - 1) << 1;
    }

    static int align8(int n) {
        return (n + 7) & ~7;
    }

    void write(int kind, byte[] payload, int len) throws IOException, InterruptedException {
        int record = align8(FrameLink.HEADER_BYTES + len);
        if (record > capacity) {
            throw new IOException("frame of " + len + " bytes does not fit a ring of " + capacity);
        }
        long tail = (long) LONGS.get(map, base + WRITE_POS); // only this side writes it
        wait.reset();
        while (capacity - (tail - (long) LONGS.getAcquire(map, base + READ_POS)) < record) {
            wait.pause(liveness);
        }
        int at = (int) (tail & (capacity - 1));
        // positions are 8-aligned and the capacity a multiple of 8: a header never wraps
        map.putInt(base + HEADER + at, kind);
        map.putInt(base + HEADER + at + 4, len);
        copyIn(at + FrameLink.HEADER_BYTES, payload, len);
        LONGS.setRelease(map, base + WRITE_POS, tail + record);
    }

    /** Reads the next frame into {@code into}; returns its kind, its length via {@link #lastLength()}. */
    int read(byte[] into) throws IOException, InterruptedException {
        long head = (long) LONGS.get(map, base + READ_POS); // only this side writes it
        wait.reset();
        while ((long) LONGS.getAcquire(map, base + WRITE_POS) - head < FrameLink.HEADER_BYTES) {
            wait.pause(liveness);
        }
        int at = (int) (head & (capacity - 1));
        int kind = map.getInt(base + HEADER + at);
        int len = map.getInt(base + HEADER + at + 4);
        if (len < 0 || len > into.length) {
            throw new IOException("corrupt frame in shared memory: length " + len);
        }
        copyOut(at + FrameLink.HEADER_BYTES, into, len);
        lastLength = len;
        LONGS.setRelease(map, base + READ_POS, head + align8(FrameLink.HEADER_BYTES + len));
        return kind;
    }

    int lastLength() {
        return lastLength;
    }

    private void copyIn(int at, byte[] src, int len) {
        int pos = at & (capacity - 1);
        int first = Math.min(len, capacity - pos);
        map.put(base + HEADER + pos, src, 0, first);
        if (first < len) {
            map.put(base + HEADER, src, first, len - first);
        }
    }

    private void copyOut(int at, byte[] dst, int len) {
        int pos = at & (capacity - 1);
        int first = Math.min(len, capacity - pos);
        map.get(base + HEADER + pos, dst, 0, first);
        if (first < len) {
            map.get(base + HEADER, dst, first, len - first);
        }
    }
}
