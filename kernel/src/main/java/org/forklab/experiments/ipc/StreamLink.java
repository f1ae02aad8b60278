package org.forklab.experiments.ipc;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Frames over a pair of byte streams: here the two anonymous pipes between a parent JVM and a
 * child JVM (the child's stdin and stdout). Small frames go out in one write (header and
 * payload copied together, so one system call); frames above {@link #ONE_WRITE_MAX} are written
 * as header then payload, to spare a large copy.
 */
final class StreamLink implements FrameLink {
    static final int ONE_WRITE_MAX = 64 << 10;

    private final InputStream in;
    private final OutputStream out;
    private final byte[] outFrame;
    private final byte[] header = new byte[HEADER_BYTES];
    private final byte[] inPayload;
    private final String description;
    private int length;

    StreamLink(InputStream in, OutputStream out, int maxPayload, String description) {
        this.in = in;
        this.out = out;
        this.outFrame = new byte[HEADER_BYTES + Math.min(maxPayload, ONE_WRITE_MAX)];
        this.inPayload = new byte[Math.max(maxPayload, 8)];
        this.description = description;
    }

    @Override
    public void send(int kind, byte[] payload, int len) throws IOException {
        Frames.putInt(outFrame, 0, kind);
        Frames.putInt(outFrame, 4, len);
        if (len <= ONE_WRITE_MAX) {
            System.arraycopy(payload, 0, outFrame, HEADER_BYTES, len);
            out.write(outFrame, 0, HEADER_BYTES + len);
        } else {
            out.write(outFrame, 0, HEADER_BYTES);
            out.write(payload, 0, len);
        }
        out.flush();
    }

    @Override
    public int receive() throws IOException {
        readFully(header, HEADER_BYTES);
        int kind = Frames.getInt(header, 0);
        int len = Frames.getInt(header, 4);
        if (len < 0 || len > inPayload.length) {
            throw new IOException("corrupt frame: length " + len);
        }
        readFully(inPayload, len);
        length = len;
        return kind;
    }

    private void readFully(byte[] into, int n) throws IOException {
        if (in.readNBytes(into, 0, n) != n) {
            throw new EOFException("the peer closed the pipe");
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
        try {
            out.close();
        } finally {
            in.close();
        }
    }
}
