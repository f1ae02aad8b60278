package org.forklab.experiments.ipc;

import org.forklab.experiments.core.Deadline;
import org.forklab.experiments.core.Environment;
import org.forklab.experiments.core.JavaChild;
import org.forklab.experiments.core.Samples;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One producer, one consumer, a bounded buffer between them: as two threads sharing a
 * {@link BoundedBuffer} (lock and two conditions), as two JVMs sharing a {@link SharedLongRing}
 * in a mapped file, and as two JVMs joined by a kernel pipe (producer's stdout into consumer's
 * stdin, set up by ProcessBuilder.startPipeline; the pipe's 64 KiB is the bound and the kernel
 * blocks the writer when it is full). The producer sends blocks+1 blocks of items; the consumer
 * times each block and checks every item's number.
 */
public final class BoundedBufferExperiment {
    private static final List<String> CHILD_JVM = List.of("-XX:+DisplayVMOutputToStderr", "-XX:+UseSerialGC", "-Xmx64m");

    private BoundedBufferExperiment() {
    }

    public static BoundedBufferResult run(BoundedBufferConfig config) throws IOException, InterruptedException {
        Deadline deadline = Deadline.after(config.timeLimit());
        List<BufferRun> runs = new ArrayList<>();
        for (String m : config.mechanisms()) {
            deadline.check();
            runs.add(switch (m) {
                case BoundedBufferConfig.THREADS -> threads(config, deadline);
                case BoundedBufferConfig.SHARED_RING -> sharedRing(config, deadline);
                default -> pipe(config, deadline);
            });
        }
        return new BoundedBufferResult(Environment.current(), config, runs);
    }

    private static BufferRun threads(BoundedBufferConfig config, Deadline deadline) throws InterruptedException {
        BoundedBuffer buffer = new BoundedBuffer(config.capacity());
        int blocks = config.trials() + 1;
        long total = config.items() * blocks;
        long[] nanos = new long[blocks];
        AtomicReference<ItemCheck> check = new AtomicReference<>();
        Thread producer = new Thread(() -> {
            try {
                for (long i = 0; i < total; i++) {
                    buffer.put(i);
                }
            } catch (InterruptedException e) {
                // stopped
            }
        }, "forklab-producer");
        Thread consumer = new Thread(() -> {
            try {
                check.set(ItemConsumer.consume(buffer::take, config.items(), nanos));
            } catch (InterruptedException | IOException e) {
                // stopped
            }
        }, "forklab-consumer");
        consumer.start();
        producer.start();
        try {
            while (consumer.isAlive()) {
                deadline.check();
                consumer.join(20);
            }
        } finally {
            producer.interrupt();
            consumer.interrupt();
            Joins.uninterruptibly(producer);
            Joins.uninterruptibly(consumer);
        }
        return new BufferRun(BoundedBufferConfig.THREADS,
                "two platform threads, ReentrantLock with conditions not-full and not-empty, " + config.capacity() + " slots",
                rates(BoundedBufferConfig.THREADS, config.items(), nanos), check.get());
    }

    private static BufferRun sharedRing(BoundedBufferConfig config, Deadline deadline) throws IOException, InterruptedException {
        Path file = Files.createTempFile(IpcExperiment.sharedMemoryDir(), "forklab-ipc-ring-", ".shm");
        try {
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                ch.write(ByteBuffer.wrap(new byte[1]), SharedLongRing.fileSize(config.capacity()) - 1);
            }
            int blocks = config.trials() + 1;
            String cap = String.valueOf(config.capacity());
            try (PeerProcess consumer = PeerProcess.start(JavaChild.command(BufferChildMain.class, CHILD_JVM,
                    List.of("ring-consumer", file.toString(), cap, String.valueOf(config.items()), String.valueOf(blocks))), "consumer JVM");
                 PeerProcess producer = PeerProcess.start(JavaChild.command(BufferChildMain.class, CHILD_JVM,
                    List.of("ring-producer", file.toString(), cap, String.valueOf(config.items() * blocks))), "producer JVM")) {
                return collect(BoundedBufferConfig.SHARED_RING, "two JVMs mapping " + file.getFileName() + " in "
                        + file.getParent() + ", a ring of " + cap + " longs, release/acquire counts, spin-yield-park waits",
                        config, producer, consumer, deadline);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static BufferRun pipe(BoundedBufferConfig config, Deadline deadline) throws IOException, InterruptedException {
        int blocks = config.trials() + 1;
        List<Process> stages = ProcessBuilder.startPipeline(List.of(
                new ProcessBuilder(JavaChild.command(BufferChildMain.class, CHILD_JVM,
                        List.of("pipe-producer", String.valueOf(config.items() * blocks)))),
                new ProcessBuilder(JavaChild.command(BufferChildMain.class, CHILD_JVM,
                        List.of("pipe-consumer", String.valueOf(config.items()), String.valueOf(blocks))))));
        try (PeerProcess consumer = PeerProcess.of(stages.get(1), "consumer JVM");
             PeerProcess producer = PeerProcess.of(stages.get(0), "producer JVM")) {
            return collect(BoundedBufferConfig.PIPE,
                    "two JVMs, the producer's stdout piped into the consumer's stdin (kernel pipe, 64 KiB), 8 KiB buffered writes",
                    config, producer, consumer, deadline);
        }
    }

    /** Waits for the consumer (failing fast if the producer fails), then parses its report. */
    private static BufferRun collect(String mechanism, String description, BoundedBufferConfig config,
                                     PeerProcess producer, PeerProcess consumer, Deadline deadline)
            throws IOException, InterruptedException {
        while (!consumer.awaitExit(20)) {
            deadline.check();
            if (!producer.process().isAlive() && producer.process().exitValue() != 0) {
                throw new IOException(producer.describeEnd());
            }
        }
        if (consumer.process().exitValue() != 0) {
            throw new IOException(consumer.describeEnd());
        }
        List<String> lines;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(consumer.stdout(), StandardCharsets.UTF_8))) {
            lines = r.lines().toList();
        }
        ItemCheck check = null;
        long[] nanos = new long[config.trials() + 1];
        for (String line : lines) {
            String[] w = line.trim().split(" ");
            if (w[0].equals("check") && w.length == 5) {
                check = new ItemCheck(Long.parseLong(w[1]), Long.parseLong(w[2]), Long.parseLong(w[3]), Long.parseLong(w[4]));
            } else if (w[0].equals("block") && w.length == 3) {
                nanos[Integer.parseInt(w[1])] = Long.parseLong(w[2]);
            }
        }
        if (check == null) {
            throw new IOException("the consumer JVM reported nothing: " + consumer.describeEnd());
        }
        return new BufferRun(mechanism, description, rates(mechanism, config.items(), nanos), check);
    }

    /** Block durations -> items per second, the first block as the cold value. */
    private static Samples rates(String mechanism, long items, long[] nanos) {
        double[] perSecond = Arrays.stream(nanos).mapToDouble(ns -> ns > 0 ? items * 1e9 / ns : 0).toArray();
        return new Samples(mechanism + " items/s", "items/s", Arrays.copyOfRange(perSecond, 1, perSecond.length),
                new double[] {perSecond[0]}, 1);
    }
}
