package org.forklab.experiments.ipc;

/** The frame kinds the timing side and the {@link EchoPeer} exchange. */
final class Frames {
    /** Send the payload back as it came. */
    static final int ECHO = 1;
    /** Keep the payload's bytes, reply nothing (throughput). */
    static final int SINK = 2;
    /** Reply with the number of payload bytes sunk since the last SYNC, as 8 bytes. */
    static final int SYNC = 3;
    /** End the conversation. */
    static final int QUIT = 4;
    /** The peer is set up and listening (sent once by a child process). */
    static final int READY = 5;
    /** Pin the peer's serving thread to the CPU list in the payload (ASCII, e.g. "1" or "0-1"); answered with PLACE. */
    static final int PLACE = 6;

    private Frames() {
    }

    static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }

    static int getInt(byte[] b, int at) {
        return (b[at] & 0xff) << 24 | (b[at + 1] & 0xff) << 16 | (b[at + 2] & 0xff) << 8 | (b[at + 3] & 0xff);
    }

    static void putLong(byte[] b, int at, long v) {
        putInt(b, at, (int) (v >>> 32));
        putInt(b, at + 4, (int) v);
    }

    static long getLong(byte[] b, int at) {
        return ((long) getInt(b, at) << 32) | (getInt(b, at + 4) & 0xffffffffL);
    }
}
