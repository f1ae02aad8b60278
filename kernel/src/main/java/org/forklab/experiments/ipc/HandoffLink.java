package org.forklab.experiments.ipc;

import java.util.concurrent.SynchronousQueue;

/**
 * Frames between two threads of one JVM through two SynchronousQueues (a rendezvous: put waits
 * until the other thread takes). Zero-copy hands the sender's array itself to the receiver,
 * which is what sharing memory between threads allows; the copying variant copies each payload
 * into the receiver's own buffer, as a read() from any kernel channel must.
 */
final class HandoffLink implements FrameLink {
    private record Message(int kind, byte[] data, int length) {
    }

    private final SynchronousQueue<Message> out;
    private final SynchronousQueue<Message> in;
    private final boolean copy;
    private final byte[] own;
    private byte[] payload;
    private int length;

    private HandoffLink(SynchronousQueue<Message> out, SynchronousQueue<Message> in, boolean copy, int maxPayload) {
        this.out = out;
        this.in = in;
        this.copy = copy;
        this.own = copy ? new byte[Math.max(maxPayload, 8)] : null;
    }

    /** Two connected ends. */
    static HandoffLink[] pair(boolean copy, int maxPayload) {
        SynchronousQueue<Message> aToB = new SynchronousQueue<>();
        SynchronousQueue<Message> bToA = new SynchronousQueue<>();
        return new HandoffLink[] {new HandoffLink(aToB, bToA, copy, maxPayload), new HandoffLink(bToA, aToB, copy, maxPayload)};
    }

    @Override
    public void send(int kind, byte[] data, int len) throws InterruptedException {
        out.put(new Message(kind, data, len));
    }

    @Override
    public int receive() throws InterruptedException {
        Message m = in.take();
        if (copy) {
            System.arraycopy(m.data(), 0, own, 0, m.length());
            payload = own;
        } else {
            payload = m.data();
        }
        length = m.length();
        return m.kind();
    }

    @Override
    public byte[] payload() {
        return payload;
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public String describe() {
        return copy ? "two threads, SynchronousQueue rendezvous, payload copied into the receiver's buffer"
                : "two threads, SynchronousQueue rendezvous, the array reference handed over (zero-copy)";
    }

    @Override
    public void close() {
        // nothing to release: the peer thread is stopped by its owner
    }
}
