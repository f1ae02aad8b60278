package org.forklab.experiments.c10k;

import org.forklab.experiments.core.VirtualThreads;
import org.forklab.experiments.core.ParentWatch;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Iterator;

/**
 * The echo server in a JVM of its own, so that its memory and thread count are its own and not
 * mixed with the notebook's. Binds 127.0.0.1 on an ephemeral port, prints {@code port <n>},
 * and serves until its stdin closes (the parent closed it or died), then halts.
 * Arguments: {@code <threads|virtual-threads|selector> <buffer bytes>}.
 */
public final class EchoServerMain {
    private EchoServerMain() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        int bufferBytes = Integer.parseInt(args[1]);
        ServerSocketChannel server = ServerSocketChannel.open();
        server.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 4096);
        ParentWatch.start(System.in);
        System.out.println("port " + ((InetSocketAddress) server.getLocalAddress()).getPort());
        System.out.flush();
        switch (mode) {
            case C10kConfig.THREADS -> acceptLoop(server, bufferBytes, false);
            case C10kConfig.VIRTUAL -> acceptLoop(server, bufferBytes, true);
            case C10kConfig.SELECTOR -> eventLoop(server, bufferBytes);
            default -> throw new IllegalArgumentException("unknown server " + mode);
        }
    }

    /** One thread per connection, blocking reads and writes: the code reads like a story. */
    private static void acceptLoop(ServerSocketChannel server, int bufferBytes, boolean virtual) throws IOException {
        while (true) {
            SocketChannel ch = server.accept();
            ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
            Runnable handler = () -> echoUntilClosed(ch, bufferBytes);
            if (virtual) {
                VirtualThreads.start(handler);
            } else {
                Thread t = new Thread(handler, "echo-" + ch.socket().getPort());
                t.setDaemon(true);
                t.start();
            }
        }
    }

    private static void echoUntilClosed(SocketChannel ch, int bufferBytes) {
        ByteBuffer buf = ByteBuffer.allocate(bufferBytes);
        try (ch) {
            while (ch.read(buf) >= 0) {
                buf.flip();
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                buf.clear();
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    /**
     * One thread, one selector, every connection non-blocking: read what has arrived, write it
     * back; if the socket cannot take it all now, wait for OP_WRITE and read nothing more from
     * that connection until the backlog is out (so a slow reader cannot make us buffer without end).
     */
    private static void eventLoop(ServerSocketChannel server, int bufferBytes) throws IOException {
        Selector selector = Selector.open();
        server.configureBlocking(false);
        server.register(selector, SelectionKey.OP_ACCEPT);
        while (true) {
            selector.select();
            Iterator<SelectionKey> it = selector.selectedKeys().iterator();
            while (it.hasNext()) {
                SelectionKey key = it.next();
                it.remove();
                try {
                    if (key.isAcceptable()) {
                        SocketChannel ch;
                        while ((ch = server.accept()) != null) {
                            ch.configureBlocking(false);
                            ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
                            ch.register(selector, SelectionKey.OP_READ, ByteBuffer.allocate(bufferBytes));
                        }
                    } else {
                        serve(key);
                    }
                } catch (IOException e) {
                    key.cancel();
                    key.channel().close();
                }
            }
        }
    }

    private static void serve(SelectionKey key) throws IOException {
        SocketChannel ch = (SocketChannel) key.channel();
        ByteBuffer buf = (ByteBuffer) key.attachment();
        if (key.isReadable()) {
            if (ch.read(buf) < 0) {
                key.cancel();
                ch.close();
                return;
            }
            buf.flip();
        }
        ch.write(buf);
        if (buf.hasRemaining()) {
            key.interestOps(SelectionKey.OP_WRITE);
        } else {
            buf.clear();
            key.interestOps(SelectionKey.OP_READ);
        }
    }
}
