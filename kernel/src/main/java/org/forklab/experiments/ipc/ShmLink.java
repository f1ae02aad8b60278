package org.forklab.experiments.ipc;

import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Frames through a file that both processes map (in /dev/shm, a tmpfs, when there is one, so no
 * disk is ever involved): two {@link ShmRing}s, parent to child and child to parent. A message
 * is copied once into the shared pages by the sender and once out by the receiver, with no
 * system call on the way, which is why this is the fastest channel between processes.
 */
final class ShmLink implements FrameLink {
    private final ShmRing out;
    private final ShmRing in;
    private final byte[] inPayload;
    private final String description;

    private ShmLink(ShmRing out, ShmRing in, int maxPayload, String description) {
        this.out = out;
        this.in = in;
        this.inPayload = new byte[Math.max(maxPayload, 8)];
        this.description = description;
    }

    /** Bytes the file must have for frames up to {@code maxPayload}. */
    static long fileSize(int maxPayload) {
        return 2L * ShmRing.footprint(ShmRing.capacityFor(maxPayload));
    }

    /** Maps the file; the parent side writes ring 0 and reads ring 1, the child the opposite. */
    static ShmLink open(Path file, int maxPayload, boolean parentSide, Liveness liveness) throws IOException {
        int capacity = ShmRing.capacityFor(maxPayload);
        int ringBytes = ShmRing.footprint(capacity);
        MappedByteBuffer map;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            // the mapping stays valid after the channel is closed
            map = ch.map(FileChannel.MapMode.READ_WRITE, 0, 2L * ringBytes);
        }
        ShmRing ring0 = new ShmRing(map, 0, capacity, liveness);
        ShmRing ring1 = new ShmRing(map, ringBytes, capacity, liveness);
        String what = "memory-mapped file " + file + ", two single-producer rings of " + capacity
                + " bytes, release/acquire positions, spin waits (a yield every 1,024 rounds)";
        return parentSide ? new ShmLink(ring0, ring1, maxPayload, what) : new ShmLink(ring1, ring0, maxPayload, what);
    }

    @Override
    public void send(int kind, byte[] payload, int length) throws IOException, InterruptedException {
        out.write(kind, payload, length);
    }

    @Override
    public int receive() throws IOException, InterruptedException {
        return in.read(inPayload);
    }

    @Override
    public byte[] payload() {
        return inPayload;
    }

    @Override
    public int length() {
        return in.lastLength();
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public void close() {
        // the mapping is released when the buffer is collected; the owner deletes the file
    }
}
