package org.forklab.experiments.ipc;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Producer or consumer of the bounded-buffer experiment in its own JVM. Roles:
 * {@code ring-producer <file> <capacity> <items>}, {@code ring-consumer <file> <capacity> <perBlock> <blocks>},
 * {@code pipe-producer <items>} (writes longs to stdout), {@code pipe-consumer <perBlock> <blocks>}
 * (reads them from stdin). Consumers print {@code check <expected> <received> <misplaced> <first>}
 * and one {@code block <index> <nanos>} line per block.
 */
public final class BufferChildMain {
    private BufferChildMain() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "ring-producer" -> {
                ParentWatch.start(System.in);
                SharedLongRing ring = new SharedLongRing(map(args[1], Integer.parseInt(args[2])), Integer.parseInt(args[2]), Liveness.NONE);
                ring.awaitConsumerReady();
                long items = Long.parseLong(args[3]);
                for (long i = 0; i < items; i++) {
                    ring.put(i);
                }
            }
            case "ring-consumer" -> {
                ParentWatch.start(System.in);
                SharedLongRing ring = new SharedLongRing(map(args[1], Integer.parseInt(args[2])), Integer.parseInt(args[2]), Liveness.NONE);
                ring.markConsumerReady();
                report(ring::take, Long.parseLong(args[3]), Integer.parseInt(args[4]));
            }
            case "pipe-producer" -> {
                ParentWatch.start(System.in);
                long items = Long.parseLong(args[1]);
                try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 8192))) {
                    for (long i = 0; i < items; i++) {
                        out.writeLong(i);
                    }
                }
            }
            case "pipe-consumer" -> {
                DataInputStream in = new DataInputStream(new BufferedInputStream(new FileInputStream(FileDescriptor.in), 8192));
                report(in::readLong, Long.parseLong(args[1]), Integer.parseInt(args[2]));
            }
            default -> throw new IllegalArgumentException("unknown role " + args[0]);
        }
    }

    private static void report(ItemConsumer.Source source, long perBlock, int blocks) throws Exception {
        long[] nanos = new long[blocks];
        ItemCheck c = ItemConsumer.consume(source, perBlock, nanos);
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, "UTF-8");
        out.println("check " + c.expected() + " " + c.received() + " " + c.misplaced() + " " + c.firstMisplaced());
        for (int b = 0; b < blocks; b++) {
            out.println("block " + b + " " + nanos[b]);
        }
    }

    private static MappedByteBuffer map(String file, int capacity) throws Exception {
        try (FileChannel ch = FileChannel.open(Path.of(file), StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            return ch.map(FileChannel.MapMode.READ_WRITE, 0, SharedLongRing.fileSize(capacity));
        }
    }
}
