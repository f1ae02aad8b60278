package org.forklab.experiments.ipc;

import org.forklab.experiments.core.ProgressListener;
import org.forklab.experiments.core.Children;
import org.forklab.experiments.core.Deadline;
import org.forklab.experiments.core.Environment;
import org.forklab.experiments.core.ExperimentTimeoutException;
import org.forklab.experiments.core.JavaChild;
import org.forklab.experiments.core.Sampler;
import org.forklab.experiments.core.Samples;
import org.forklab.experiments.core.SamplingPlan;
import org.forklab.experiments.core.TimedOperation;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Latency and throughput against message size for each transport. The timing side is always
 * this thread; the far side is a thread of this JVM (hand-off) or a child JVM (everything
 * between processes), running the same {@link EchoPeer}. Latency is one message there and back
 * (a round trip, not halved); throughput is a batch of one-way messages followed by one
 * acknowledgement that also reports how many bytes arrived.
 */
public final class IpcExperiment {
    private static final byte[] EMPTY = new byte[0];

    private IpcExperiment() {
    }

    public static IpcResult run(IpcConfig config) throws IOException, InterruptedException {
        return run(config, ProgressListener.NONE);
    }

    /** The run, announcing each transport as a phase. */
    public static IpcResult run(IpcConfig config, ProgressListener progress) throws IOException, InterruptedException {
        Deadline deadline = Deadline.after(config.timeLimit());
        List<TransportResult> results = new ArrayList<>();
        try {
            for (String word : config.transports()) {
                deadline.check();
                progress.phase(word + ", " + config.sizes().size() + " sizes", config.transports().indexOf(word),
                        config.transports().size());
                results.add(runTransport(Transport.fromWord(word), config, deadline));
            }
        } catch (ClosedByInterruptException e) {
            Thread.interrupted();
            throw new InterruptedException("interrupted");
        } catch (ExperimentTimeoutException e) {
            throw new ExperimentTimeoutException(config.timeLimit());
        } catch (IOException e) {
            // a peer killed by the guard below shows up here as end-of-file: report why it was killed
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted");
            }
            if (deadline.expired()) {
                throw new ExperimentTimeoutException(config.timeLimit());
            }
            throw e;
        }
        return new IpcResult(Environment.current(), config, results);
    }

    private static TransportResult runTransport(Transport t, IpcConfig config, Deadline deadline)
            throws IOException, InterruptedException {
        return switch (t) {
            case THREAD_HANDOFF -> withPeerThread(t, false, config, deadline);
            case THREAD_COPY -> withPeerThread(t, true, config, deadline);
            case PIPE -> overPipe(config, deadline);
            case UNIX_SOCKET -> overUnixSocket(config, deadline);
            case TCP_LOOPBACK -> overTcp(config, deadline);
            case SHARED_MEMORY -> overSharedMemory(config, deadline);
        };
    }

    private static TransportResult withPeerThread(Transport t, boolean copy, IpcConfig config, Deadline deadline)
            throws IOException, InterruptedException {
        HandoffLink[] ends = HandoffLink.pair(copy, config.maxSize());
        AtomicReference<Exception> peerFailure = new AtomicReference<>();
        Thread peer = new Thread(() -> {
            try {
                EchoPeer.serve(ends[1]);
            } catch (InterruptedException e) {
                // stopped by the timing side
            } catch (Exception e) {
                peerFailure.set(e);
            }
        }, "forklab-ipc-peer");
        peer.setDaemon(true);
        peer.start();
        try {
            TransportResult r = measure(t, ends[0], config, deadline);
            ends[0].send(Frames.QUIT, EMPTY, 0);
            return r;
        } finally {
            peer.interrupt();
            Joins.uninterruptibly(peer);
            if (peerFailure.get() != null) {
                throw new IOException("the peer thread failed: " + peerFailure.get());
            }
        }
    }

    private static TransportResult overPipe(IpcConfig config, Deadline deadline) throws IOException, InterruptedException {
        try (PeerProcess child = startChild(Transport.PIPE, "-", config);
             KillAtDeadline guard = new KillAtDeadline(child, deadline)) {
            StreamLink link = new StreamLink(child.stdout(), child.stdin(), config.maxSize(),
                    "child JVM; the parent writes the child's stdin pipe and reads its stdout pipe (two anonymous pipes)");
            awaitReady(link, child);
            return measureAndQuit(Transport.PIPE, link, config, deadline);
        }
    }

    private static TransportResult overUnixSocket(IpcConfig config, Deadline deadline)
            throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("forklab-ipc");
        Path socket = dir.resolve("echo.sock");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            try (PeerProcess child = startChild(Transport.UNIX_SOCKET, socket.toString(), config);
                 KillAtDeadline guard = new KillAtDeadline(child, deadline);
                 SocketChannel ch = accept(server, child, deadline)) {
                SocketLink link = new SocketLink(ch, config.maxSize(),
                        "child JVM connected to a Unix domain stream socket " + socket);
                awaitReady(link, child);
                return measureAndQuit(Transport.UNIX_SOCKET, link, config, deadline);
            }
        } finally {
            Files.deleteIfExists(socket);
            Files.deleteIfExists(dir);
        }
    }

    private static TransportResult overTcp(IpcConfig config, Deadline deadline) throws IOException, InterruptedException {
        try (ServerSocketChannel server = ServerSocketChannel.open()) {
            server.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            int port = ((InetSocketAddress) server.getLocalAddress()).getPort();
            try (PeerProcess child = startChild(Transport.TCP_LOOPBACK, String.valueOf(port), config);
                 KillAtDeadline guard = new KillAtDeadline(child, deadline);
                 SocketChannel ch = accept(server, child, deadline)) {
                // Without TCP_NODELAY, Nagle's algorithm and delayed ACKs hold small messages back ~40 ms.
                ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
                SocketLink link = new SocketLink(ch, config.maxSize(),
                        "child JVM connected over TCP to 127.0.0.1:" + port + ", TCP_NODELAY on both ends");
                awaitReady(link, child);
                return measureAndQuit(Transport.TCP_LOOPBACK, link, config, deadline);
            }
        }
    }

    private static TransportResult overSharedMemory(IpcConfig config, Deadline deadline)
            throws IOException, InterruptedException {
        Path file = Files.createTempFile(sharedMemoryDir(), "forklab-ipc-", ".shm");
        try {
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                ch.write(ByteBuffer.wrap(new byte[1]), ShmLink.fileSize(config.maxSize()) - 1);
            }
            try (PeerProcess child = startChild(Transport.SHARED_MEMORY, file.toString(), config);
                 KillAtDeadline guard = new KillAtDeadline(child, deadline)) {
                ShmLink link = ShmLink.open(file, config.maxSize(), true, () -> {
                    deadline.check();
                    child.ensureAlive();
                });
                awaitReady(link, child);
                return measureAndQuit(Transport.SHARED_MEMORY, link, config, deadline);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** /dev/shm (memory only) when this system has it, else the temporary directory. */
    static Path sharedMemoryDir() {
        Path shm = Path.of("/dev/shm");
        return Files.isDirectory(shm) && Files.isWritable(shm) ? shm : Path.of(System.getProperty("java.io.tmpdir"));
    }

    private static PeerProcess startChild(Transport t, String address, IpcConfig config) throws IOException {
        int heapMb = 64 + 8 * (config.maxSize() >> 20);
        List<String> jvm = List.of("-XX:+DisplayVMOutputToStderr", "-XX:+UseSerialGC", "-Xmx" + heapMb + "m");
        return PeerProcess.start(JavaChild.command(IpcChildMain.class, jvm,
                List.of(t.word(), address, String.valueOf(config.maxSize()))), t.word() + " peer JVM");
    }

    /** Waits for the child's connection, giving up if it dies, the run is interrupted or ends. */
    private static SocketChannel accept(ServerSocketChannel server, PeerProcess child, Deadline deadline)
            throws IOException, InterruptedException {
        server.configureBlocking(false);
        while (true) {
            SocketChannel ch = server.accept();
            if (ch != null) {
                ch.configureBlocking(true);
                return ch;
            }
            deadline.check();
            child.ensureAlive();
            Thread.sleep(2);
        }
    }

    private static void awaitReady(FrameLink link, PeerProcess child) throws IOException, InterruptedException {
        int kind;
        try {
            kind = link.receive();
        } catch (IOException e) {
            throw new IOException(child.describeEnd(), e);
        }
        if (kind != Frames.READY) {
            throw new IOException("the peer JVM did not start properly (frame kind " + kind + ")");
        }
    }

    private static TransportResult measureAndQuit(Transport t, FrameLink link, IpcConfig config, Deadline deadline)
            throws IOException, InterruptedException {
        TransportResult r = measure(t, link, config, deadline);
        link.send(Frames.QUIT, EMPTY, 0);
        return r;
    }

    private static TransportResult measure(Transport t, FrameLink link, IpcConfig config, Deadline deadline)
            throws IOException, InterruptedException {
        List<SizePoint> points = new ArrayList<>();
        for (int size : config.sizes()) {
            deadline.check();
            points.add(measureSize(t, link, size, config, deadline));
        }
        return new TransportResult(t.word(), link.describe(), points);
    }

    private static SizePoint measureSize(Transport t, FrameLink link, int size, IpcConfig config, Deadline deadline)
            throws IOException, InterruptedException {
        byte[] message = new byte[size];
        new Random(size).nextBytes(message);
        boolean intact = echoOnce(link, message);

        Duration left = Duration.ofNanos(Math.max(1, deadline.remainingNanos()));
        int warmup = (int) Math.max(10, Math.min(2_000, (8L << 20) / size));
        SamplingPlan latencyPlan = new SamplingPlan(3, warmup, config.latencySamples(), 0, Duration.ofNanos(20_000), left);
        Samples latency = sample(t.word() + " round trip " + sizeLabel(size), latencyPlan, n -> {
            for (int i = 0; i < n; i++) {
                link.send(Frames.ECHO, message, size);
                if (link.receive() != Frames.ECHO || link.length() != size) {
                    throw new IOException("the echo came back with " + link.length() + " bytes instead of " + size);
                }
            }
        });

        long[] sentAcked = new long[2];
        byte[] none = new byte[0];
        int sinkWarmup = (int) Math.max(4, Math.min(4_000, (16L << 20) / size));
        SamplingPlan streamPlan = new SamplingPlan(0, sinkWarmup, config.throughputSamples(), 0, Duration.ofMillis(2), left);
        Samples perMessage = sample(t.word() + " throughput " + sizeLabel(size), streamPlan, n -> {
            for (int i = 0; i < n; i++) {
                link.send(Frames.SINK, message, size);
            }
            link.send(Frames.SYNC, none, 0);
            if (link.receive() != Frames.SYNC) {
                throw new IOException("the peer answered a SYNC with something else");
            }
            sentAcked[0] += (long) n * size;
            sentAcked[1] += Frames.getLong(link.payload(), 0);
        });
        return new SizePoint(size, latency, megabytesPerSecond(perMessage, size), sentAcked[0], sentAcked[1], intact);
    }

    private static boolean echoOnce(FrameLink link, byte[] message) throws IOException, InterruptedException {
        link.send(Frames.ECHO, message, message.length);
        int kind = link.receive();
        return kind == Frames.ECHO && link.length() == message.length
                && Arrays.equals(link.payload(), 0, message.length, message, 0, message.length);
    }

    private static Samples sample(String label, SamplingPlan plan, TimedOperation op)
            throws IOException, InterruptedException {
        try {
            return Sampler.measure(label, plan, op);
        } catch (IOException | InterruptedException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    /** ns per message of {@code size} bytes -> MB/s (10^6 bytes per second). */
    static Samples megabytesPerSecond(Samples nsPerMessage, int size) {
        double[] v = Arrays.stream(nsPerMessage.values()).map(ns -> size * 1_000.0 / ns).toArray();
        double[] c = Arrays.stream(nsPerMessage.cold()).map(ns -> size * 1_000.0 / ns).toArray();
        return new Samples(nsPerMessage.label(), "MB/s", v, c, nsPerMessage.opsPerSample());
    }

    static String sizeLabel(int size) {
        if (size >= 1 << 20 && size % (1 << 20) == 0) {
            return (size >> 20) + " MiB";
        }
        if (size >= 1 << 10 && size % (1 << 10) == 0) {
            return (size >> 10) + " KiB";
        }
        return size + " B";
    }

    /**
     * Kills the child when the run's time is up or the calling thread is interrupted, so that a
     * parent blocked in a pipe read (which no interrupt can wake) gets end-of-file within 50 ms
     * instead of waiting for the child; {@link #run} then reports the interrupt or the time-out.
     */
    private static final class KillAtDeadline implements AutoCloseable {
        private final Thread thread;

        KillAtDeadline(PeerProcess child, Deadline deadline) {
            Thread caller = Thread.currentThread();
            thread = new Thread(() -> {
                try {
                    while (!caller.isInterrupted() && deadline.remainingNanos() > 0) {
                        Thread.sleep(50);
                    }
                    Children.killTree(child.process().toHandle());
                } catch (InterruptedException e) {
                    // released: the run ended first
                }
            }, "forklab-ipc-guard");
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void close() {
            thread.interrupt();
            Joins.uninterruptibly(thread);
        }
    }
}
