package org.forklab.experiments.ipc;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * Frames over a connected, blocking socket channel (Unix domain or TCP). Direct buffers are
 * used on both sides, as the JDK would copy a heap buffer into a direct one anyway; reads take
 * whatever has arrived, so a small frame costs one read system call.
 */
final class SocketLink implements FrameLink {
    private final SocketChannel channel;
    private final ByteBuffer out;
    private final ByteBuffer in;
    private final byte[] inPayload;
    private final String description;
    private int length;

    SocketLink(SocketChannel channel, int maxPayload, String description) {
        this.channel = channel;
        this.out = ByteBuffer.allocateDirect(HEADER_BYTES + maxPayload);
        this.in = ByteBuffer.allocateDirect(HEADER_BYTES + Math.max(maxPayload, 8));
        this.in.flip(); // empty, ready to be read from
        this.inPayload = new byte[Math.max(maxPayload, 8)];
        this.description = description;
    }

    @Override
    public void send(int kind, byte[] payload, int len) throws IOException {
        out.clear();
        out.putInt(kind).putInt(len).put(payload, 0, len).flip();
        while (out.hasRemaining()) {
            channel.write(out);
        }
    }

    @Override
    public int receive() throws IOException {
        ensure(HEADER_BYTES);
        int kind = in.getInt();
        int len = in.getInt();
        if (len < 0 || len > inPayload.length) {
            throw new IOException("corrupt frame: length " + len);
        }
        ensure(len);
        in.get(inPayload, 0, len);
        length = len;
        return kind;
    }

    /** Reads until at least {@code n} unread bytes are buffered. */
    private void ensure(int n) throws IOException {
        if (in.remaining() >= n) {
            return;
        }
        in.compact();
        try {
            while (in.position() < n) {
                if (channel.read(in) < 0) {
                    throw new EOFException("the peer closed the socket");
                }
            }
        } finally {
            in.flip();
        }
    }

    @Override
    public byte[] payload() {
        return inPayload;
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
