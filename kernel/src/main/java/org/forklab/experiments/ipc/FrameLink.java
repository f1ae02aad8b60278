package org.forklab.experiments.ipc;

import java.io.Closeable;
import java.io.IOException;

/**
 * One end of a message channel. A frame is a kind word, a length and that many payload bytes;
 * every transport, from a hand-off between threads to a ring in shared memory, carries the same
 * frames, so the echo peer and the timing loop are one code for all of them.
 */
public interface FrameLink extends Closeable {
    /** Bytes of frame header on byte transports: an int kind and an int length. */
    int HEADER_BYTES = 8;

    /** Sends one frame; the payload array may be handed over as it is (thread hand-off). */
    void send(int kind, byte[] payload, int length) throws IOException, InterruptedException;

    /** Waits for the next frame and returns its kind; see {@link #payload()} and {@link #length()}. */
    int receive() throws IOException, InterruptedException;

    /** The payload of the last frame received (valid until the next receive). */
    byte[] payload();

    /** The payload length of the last frame received. */
    int length();

    /** What this link is, in a few words, for the result's settings. */
    String describe();
}
