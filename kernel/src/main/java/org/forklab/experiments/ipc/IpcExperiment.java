package org.forklab.experiments.ipc;

import org.forklab.stats.Unit;
import org.forklab.experiments.core.BadParameterException;
import org.forklab.experiments.core.ProgressListener;
import org.forklab.experiments.core.Children;
import org.forklab.experiments.core.Cpus;
import org.forklab.experiments.core.Deadline;
import org.forklab.experiments.core.Environment;
import org.forklab.experiments.core.ExperimentTimeoutException;
import org.forklab.experiments.core.JavaChild;
import org.forklab.experiments.core.Joins;
import org.forklab.experiments.core.PeerProcess;
import org.forklab.experiments.core.Samples;
import org.forklab.experiments.nativeprobe.NativeProbe;
import org.forklab.experiments.switching.Placement;
import org.forklab.experiments.switching.ThreadPinning;

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
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Latency and throughput against message size for each transport, under each placement of the
 * two ends (same CPU, two CPUs, scheduler, as in the ping-pong). The timing side is a thread
 * started for one transport and placement (pinned when the placement asks, so the caller's
 * thread never is); the far side is a thread of this JVM (hand-offs), a child JVM (everything
 * between Java processes, moved between CPUs by a PLACE frame) or the native probe. Latency is
 * one message there and back (a round trip, not halved); throughput is a batch of one-way
 * messages followed by one acknowledgement that also reports how many bytes arrived. The sizes'
 * samples are interleaved in rounds (8 B, 4 KiB, 1 MiB, 8 B, ...), so warm-up and a change of
 * load fall on every size alike instead of reading as an effect of size.
 */
public final class IpcExperiment {
    private static final byte[] EMPTY = new byte[0];

    private IpcExperiment() {
    }

    public static IpcResult run(IpcConfig config) throws IOException, InterruptedException {
        return run(config, NativeProbe.bundled(), ProgressListener.NONE);
    }

    /** The run, announcing each transport as a phase. */
    public static IpcResult run(IpcConfig config, ProgressListener progress) throws IOException, InterruptedException {
        return run(config, NativeProbe.bundled(), progress);
    }

    public static IpcResult run(IpcConfig config, NativeProbe probe) throws IOException, InterruptedException {
        return run(config, probe, ProgressListener.NONE);
    }

    public static IpcResult run(IpcConfig config, NativeProbe probe, ProgressListener progress)
            throws IOException, InterruptedException {
        Environment env = Environment.current();
        List<Integer> allowed = Cpus.parseList(env.cpuAffinity());
        checkRunnable(config, allowed, probe);
        Deadline deadline = Deadline.after(config.timeLimit());
        Run run = new Run(config, allowed, env.cpuAffinity(), deadline, new AtomicBoolean(), probe);
        List<TransportResult> results = new ArrayList<>();
        try {
            for (String word : config.transports()) {
                deadline.check();
                progress.phase(word + ", " + config.sizes().size() + " sizes", config.transports().indexOf(word),
                        config.transports().size());
                results.addAll(run.transport(Transport.fromWord(word)));
            }
        } catch (ClosedByInterruptException e) {
            Thread.interrupted();
            throw new InterruptedException("interrupted");
        } catch (ExperimentTimeoutException e) {
            throw new ExperimentTimeoutException(config.timeLimit());
        } catch (IOException e) {
            // a peer killed by the guard below shows up here as end-of-file: report why it was killed
            if (Thread.interrupted() || run.stop.get()) {
                throw new InterruptedException("interrupted");
            }
            if (deadline.expired()) {
                throw new ExperimentTimeoutException(config.timeLimit());
            }
            throw e;
        }
        return new IpcResult(env, config, results);
    }

    /** Refuses, before anything starts, what this machine cannot give, one line each. */
    private static void checkRunnable(IpcConfig config, List<Integer> allowed, NativeProbe probe) {
        config.checkPlacements(allowed);
        List<Transport> chosen = config.transports().stream().map(Transport::fromWord).toList();
        boolean pinned = config.placements().stream().anyMatch(Placement::pinned);
        Optional<String> pinning = ThreadPinning.unavailableReason();
        if (pinned && pinning.isPresent() && chosen.stream().anyMatch(t -> t.carrier() != Transport.Carrier.NATIVE)) {
            throw new BadParameterException(pinning.get() + ": accepted here placement scheduler");
        }
        Optional<String> noProbe = chosen.stream().anyMatch(t -> t.carrier() == Transport.Carrier.NATIVE)
                ? probe.availability() : Optional.empty();
        if (noProbe.isPresent()) {
            throw new BadParameterException("the native-* transports need the native probe, but " + noProbe.get()
                    + "; accepted here " + String.join(", ", Transport.words().stream().filter(w -> !w.startsWith("native-")).toList()));
        }
    }

    static String latencyLabel(Transport t, Placement p, int size) {
        return t.word() + " round trip " + sizeLabel(size) + ", " + p.word();
    }

    static String throughputLabel(Transport t, Placement p, int size) {
        return t.word() + " throughput " + sizeLabel(size) + ", " + p.word();
    }

    /** One run's fixed parts: what to measure, where the CPUs are, when to stop. */
    private record Run(IpcConfig config, List<Integer> allowed, String allowedList, Deadline deadline,
                       AtomicBoolean stop, NativeProbe probe) {

        List<TransportResult> transport(Transport t) throws IOException, InterruptedException {
            return switch (t.carrier()) {
                case JAVA_THREADS -> eachPlacement(p -> withPeerThread(t, p));
                case JAVA_PROCESSES -> withPeerProcess(t);
                case NATIVE -> eachPlacement(p -> NativeHandoff.run(probe, t, p, allowed, config, deadline));
            };
        }

        private interface PerPlacement {
            TransportResult run(Placement p) throws IOException, InterruptedException;
        }

        private List<TransportResult> eachPlacement(PerPlacement body) throws IOException, InterruptedException {
            List<TransportResult> out = new ArrayList<>();
            for (Placement p : config.placements()) {
                deadline.check();
                out.add(body.run(p));
            }
            return out;
        }

        private Seats seats(Placement p) {
            return Seats.of(p, allowed, allowedList);
        }

        private TransportResult withPeerThread(Transport t, Placement placement) throws IOException, InterruptedException {
            AtomicReference<Exception> peerFailure = new AtomicReference<>();
            Liveness liveness = () -> {
                deadline.check();
                if (peerFailure.get() != null) {
                    throw new IOException("the peer thread failed: " + peerFailure.get());
                }
            };
            HandoffLink.Wait wait = t == Transport.THREAD_SPIN ? HandoffLink.Wait.SPIN : HandoffLink.Wait.BLOCK;
            HandoffLink[] ends = HandoffLink.pair(wait, t == Transport.THREAD_COPY, config.maxSize(), liveness);
            Seats seats = seats(placement);
            Thread peer = new Thread(() -> {
                try {
                    if (seats.peer().isPresent()) {
                        ThreadPinning.pinCurrentThread(seats.peer().get());
                    }
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
                return PinnedThread.call("forklab-ipc-timing", seats.timing(), stop, () -> {
                    TransportResult r = measure(t, placement, ends[0], seats);
                    ends[0].send(Frames.QUIT, EMPTY, 0);
                    return r;
                });
            } finally {
                peer.interrupt();
                Joins.uninterruptibly(peer);
                if (peerFailure.get() != null) {
                    throw new IOException("the peer thread failed: " + peerFailure.get());
                }
            }
        }

        /** One child JVM for every placement of a transport; a PLACE frame moves its serving thread. */
        private List<TransportResult> withPeerProcess(Transport t) throws IOException, InterruptedException {
            return switch (t) {
                case PIPE -> overPipe();
                case UNIX_SOCKET -> overUnixSocket();
                case TCP_LOOPBACK -> overTcp();
                case SHARED_MEMORY -> overSharedMemory();
                default -> throw new IllegalArgumentException(t.word() + " is not carried by a child JVM");
            };
        }

        private List<TransportResult> overChild(Transport t, PeerProcess child, FrameLink link)
                throws IOException, InterruptedException {
            awaitReady(link, child);
            List<TransportResult> out = eachPlacement(p -> PinnedThread.call("forklab-ipc-timing", seats(p).timing(), stop, () -> {
                place(link, seats(p).peer().orElse(allowedList));
                return measure(t, p, link, seats(p));
            }));
            link.send(Frames.QUIT, EMPTY, 0);
            return out;
        }

        private List<TransportResult> overPipe() throws IOException, InterruptedException {
            try (PeerProcess child = startChild(Transport.PIPE, "-", config);
                 KillAtDeadline guard = new KillAtDeadline(child, deadline, stop)) {
                StreamLink link = new StreamLink(child.stdout(), child.stdin(), config.maxSize(),
                        "child JVM; the parent writes the child's stdin pipe and reads its stdout pipe (two anonymous pipes)");
                return overChild(Transport.PIPE, child, link);
            }
        }

        private List<TransportResult> overUnixSocket() throws IOException, InterruptedException {
            Path dir = Files.createTempDirectory("forklab-ipc");
            Path socket = dir.resolve("echo.sock");
            try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
                server.bind(UnixDomainSocketAddress.of(socket));
                try (PeerProcess child = startChild(Transport.UNIX_SOCKET, socket.toString(), config);
                     KillAtDeadline guard = new KillAtDeadline(child, deadline, stop);
                     SocketChannel ch = accept(server, child, deadline)) {
                    SocketLink link = new SocketLink(ch, config.maxSize(),
                            "child JVM connected to a Unix domain stream socket " + socket);
                    return overChild(Transport.UNIX_SOCKET, child, link);
                }
            } finally {
                Files.deleteIfExists(socket);
                Files.deleteIfExists(dir);
            }
        }

        private List<TransportResult> overTcp() throws IOException, InterruptedException {
            try (ServerSocketChannel server = ServerSocketChannel.open()) {
                server.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
                int port = ((InetSocketAddress) server.getLocalAddress()).getPort();
                try (PeerProcess child = startChild(Transport.TCP_LOOPBACK, String.valueOf(port), config);
                     KillAtDeadline guard = new KillAtDeadline(child, deadline, stop);
                     SocketChannel ch = accept(server, child, deadline)) {
                    // Without TCP_NODELAY, Nagle's algorithm and delayed ACKs hold small messages back ~40 ms.
                    ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
                    SocketLink link = new SocketLink(ch, config.maxSize(),
                            "child JVM connected over TCP to 127.0.0.1:" + port + ", TCP_NODELAY on both ends");
                    return overChild(Transport.TCP_LOOPBACK, child, link);
                }
            }
        }

        private List<TransportResult> overSharedMemory() throws IOException, InterruptedException {
            Path file = Files.createTempFile(sharedMemoryDir(), segmentPrefix(), ".shm");
            try {
                try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                    ch.write(ByteBuffer.wrap(new byte[1]), ShmLink.fileSize(config.maxSize()) - 1);
                }
                try (PeerProcess child = startChild(Transport.SHARED_MEMORY, file.toString(), config);
                     KillAtDeadline guard = new KillAtDeadline(child, deadline, stop)) {
                    ShmLink link = ShmLink.open(file, config.maxSize(), true, () -> {
                        deadline.check();
                        child.ensureAlive();
                    });
                    return overChild(Transport.SHARED_MEMORY, child, link);
                }
            } finally {
                Files.deleteIfExists(file);
            }
        }

        private TransportResult measure(Transport t, Placement placement, FrameLink link, Seats seats)
                throws IOException, InterruptedException {
            List<SizePoint> points = SizeSweep.measure(t, placement, link, config, deadline);
            return new TransportResult(t.word(), placement.word(), link.describe() + "; " + seats.describe(), points);
        }
    }

    /** Asks the peer to move its serving thread to {@code cpus} and waits until it has. */
    private static void place(FrameLink link, String cpus) throws IOException, InterruptedException {
        byte[] text = cpus.getBytes(StandardCharsets.US_ASCII);
        link.send(Frames.PLACE, text, text.length);
        if (link.receive() != Frames.PLACE) {
            throw new IOException("the peer answered a PLACE with something else");
        }
    }

    /**
     * How the name of every segment this JVM creates begins: with its pid, so that a leftover can
     * be told from the segments of another run on the same machine that is still working.
     */
    static String segmentPrefix() {
        return "forklab-ipc-" + ProcessHandle.current().pid() + "-";
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

    /** ns per message of {@code size} bytes -> MB/s (10^6 bytes per second). */
    static Samples megabytesPerSecond(Samples nsPerMessage, int size) {
        double[] v = Arrays.stream(nsPerMessage.values()).map(ns -> size * 1_000.0 / ns).toArray();
        double[] c = Arrays.stream(nsPerMessage.cold()).map(ns -> size * 1_000.0 / ns).toArray();
        return new Samples(nsPerMessage.label(), Unit.MEGABYTES_PER_SECOND, v, c, nsPerMessage.opsPerSample());
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

        KillAtDeadline(PeerProcess child, Deadline deadline, AtomicBoolean stop) {
            Thread caller = Thread.currentThread();
            thread = new Thread(() -> {
                try {
                    while (!caller.isInterrupted() && !stop.get() && deadline.remainingNanos() > 0) {
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
