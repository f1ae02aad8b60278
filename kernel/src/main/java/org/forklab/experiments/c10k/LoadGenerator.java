package org.forklab.experiments.c10k;

import org.forklab.experiments.core.Deadline;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * K clients on one thread and one selector, each with one echo message in flight at a time:
 * write S bytes, read S bytes back, compare, time, repeat. It runs on the caller's thread, so
 * a deadline or an interrupt is seen at every turn of the loop (select waits at most 100 ms),
 * and {@link #close()} closes every socket it opened.
 */
final class LoadGenerator implements AutoCloseable {
    private static final int MAX_PENDING_CONNECTS = 256;
    private static final int MAX_KEPT_LATENCIES = 1_000_000;

    /** Checked at every turn: throws if the server died. */
    interface ServerAlive {
        void check() throws IOException;
    }

    private static final class Client {
        final SocketChannel channel;
        final ByteBuffer out;
        final ByteBuffer in;
        SelectionKey key;
        long roundsLeft;
        long startNanos;

        Client(SocketChannel channel, int index, int size) {
            this.channel = channel;
            this.out = ByteBuffer.allocate(size);
            for (int i = 0; i < size; i++) {
                out.put((byte) (index * 31 + i));
            }
            out.flip();
            this.in = ByteBuffer.allocate(size);
        }
    }

    /** What one load phase did. */
    record Phase(long roundTrips, long bytesSent, long bytesReceived, long mismatches, long elapsedNanos, double[] latencies) {
    }

    private final Selector selector;
    private final List<Client> clients = new ArrayList<>();
    private final InetSocketAddress server;
    private final int size;
    private final Deadline deadline;
    private final ServerAlive alive;

    LoadGenerator(int port, int size, Deadline deadline, ServerAlive alive) throws IOException {
        this.selector = Selector.open();
        this.server = new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port);
        this.size = size;
        this.deadline = deadline;
        this.alive = alive;
    }

    /** Opens {@code count} connections, at most 256 handshakes in flight at once. */
    void connect(int count) throws IOException, InterruptedException {
        int started = 0;
        int connected = 0;
        while (connected < count) {
            while (started < count && started - connected < MAX_PENDING_CONNECTS) {
                SocketChannel ch = SocketChannel.open();
                Client c = new Client(ch, started, size);
                clients.add(c); // added before anything can fail, so close() sees it
                ch.configureBlocking(false);
                ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
                if (ch.connect(server)) {
                    c.key = ch.register(selector, 0, c);
                    connected++;
                } else {
                    c.key = ch.register(selector, SelectionKey.OP_CONNECT, c);
                }
                started++;
            }
            turn();
            Iterator<SelectionKey> it = selector.selectedKeys().iterator();
            while (it.hasNext()) {
                SelectionKey key = it.next();
                it.remove();
                if (key.isConnectable() && ((SocketChannel) key.channel()).finishConnect()) {
                    key.interestOps(0);
                    connected++;
                }
            }
        }
    }

    /** Every client makes {@code rounds} round trips, all clients at once. */
    Phase run(long rounds) throws IOException, InterruptedException {
        long total = rounds * clients.size();
        long stride = Math.max(1, (total + MAX_KEPT_LATENCIES - 1) / MAX_KEPT_LATENCIES);
        double[] kept = new double[(int) Math.min(total, (total + stride - 1) / stride)];
        int keptCount = 0;
        long done = 0;
        long sent = 0;
        long received = 0;
        long mismatches = 0;
        int clientsBusy = clients.size();
        long t0 = System.nanoTime();
        for (Client c : clients) {
            c.roundsLeft = rounds;
            sent += startRound(c);
        }
        while (clientsBusy > 0) {
            turn();
            Iterator<SelectionKey> it = selector.selectedKeys().iterator();
            while (it.hasNext()) {
                SelectionKey key = it.next();
                it.remove();
                Client c = (Client) key.attachment();
                if (key.isWritable()) {
                    sent += c.channel.write(c.out);
                    if (!c.out.hasRemaining()) {
                        key.interestOps(SelectionKey.OP_READ);
                    }
                    continue;
                }
                int n = c.channel.read(c.in);
                if (n < 0) {
                    throw new IOException("the server closed a connection in the middle of a round trip");
                }
                received += n;
                if (c.in.hasRemaining()) {
                    continue;
                }
                long latency = System.nanoTime() - c.startNanos;
                c.in.flip();
                c.out.rewind();
                if (!c.in.equals(c.out)) {
                    mismatches++;
                }
                if (done % stride == 0 && keptCount < kept.length) {
                    kept[keptCount++] = latency;
                }
                done++;
                if (--c.roundsLeft > 0) {
                    sent += startRound(c);
                } else {
                    key.interestOps(0);
                    clientsBusy--;
                }
            }
        }
        long elapsed = System.nanoTime() - t0;
        return new Phase(done, sent, received, mismatches, elapsed, java.util.Arrays.copyOf(kept, keptCount));
    }

    private long startRound(Client c) throws IOException {
        c.out.rewind();
        c.in.clear();
        c.startNanos = System.nanoTime();
        long n = c.channel.write(c.out);
        c.key.interestOps(c.out.hasRemaining() ? SelectionKey.OP_WRITE : SelectionKey.OP_READ);
        return n;
    }

    /** One wait for readiness, never longer than 100 ms, then the deadline, interrupt and server checks. */
    private void turn() throws IOException, InterruptedException {
        selector.select(100);
        deadline.check();
        alive.check();
    }

    int size() {
        return clients.size();
    }

    @Override
    public void close() {
        for (Client c : clients) {
            try {
                c.channel.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        try {
            selector.close();
        } catch (IOException e) {
            // nothing more to release
        }
    }
}
