package org.forklab.experiments.ipc;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Frames between two threads of one JVM through two one-frame mailboxes, one each way. The
 * sender puts a frame in the mailbox when it is empty; the receiver takes it out and so empties
 * it. How a side waits is chosen, not left to a library's adaptive spinning (a
 * SynchronousQueue spins a while and then parks, so its hand-off cost depended on whether the
 * receiver was still spinning, which had nothing to do with the message):
 * <ul>
 *   <li>{@link Wait#SPIN}: read the mailbox in a loop ({@link SpinWait});</li>
 *   <li>{@link Wait#BLOCK}: park at once, be unparked by the other side after each change, the
 *       way a blocking queue or a condition variable waits.</li>
 * </ul>
 * Zero-copy hands the sender's array itself to the receiver, which is what sharing memory
 * between threads allows; the copying variant copies each payload into the receiver's own
 * buffer, as a read() from any kernel channel must.
 */
final class HandoffLink implements FrameLink {
    /** How a side waits for the other. */
    enum Wait { SPIN, BLOCK }

    private record Message(int kind, byte[] data, int length) {
    }

    /** One direction: the frame in flight, and the thread that may be parked on it. */
    private static final class Mailbox {
        final AtomicReference<Message> frame = new AtomicReference<>();
        volatile Thread sender;
        volatile Thread receiver;
    }

    private final Mailbox out;
    private final Mailbox in;
    private final Wait wait;
    private final boolean copy;
    private final byte[] own;
    private final SpinWait spin = new SpinWait();
    private final Liveness liveness;
    private byte[] payload;
    private int length;

    private HandoffLink(Mailbox out, Mailbox in, Wait wait, boolean copy, int maxPayload, Liveness liveness) {
        this.liveness = liveness;
        this.out = out;
        this.in = in;
        this.wait = wait;
        this.copy = copy;
        this.own = copy ? new byte[Math.max(maxPayload, 8)] : null;
    }

    /** Two connected ends; each is used by one thread only; a wait asks {@code liveness} now and then. */
    static HandoffLink[] pair(Wait wait, boolean copy, int maxPayload, Liveness liveness) {
        Mailbox aToB = new Mailbox();
        Mailbox bToA = new Mailbox();
        return new HandoffLink[] {new HandoffLink(aToB, bToA, wait, copy, maxPayload, liveness),
                new HandoffLink(bToA, aToB, wait, copy, maxPayload, liveness)};
    }

    @Override
    public void send(int kind, byte[] data, int len) throws IOException, InterruptedException {
        Message m = new Message(kind, data, len);
        out.sender = Thread.currentThread();
        spin.reset();
        while (!out.frame.compareAndSet(null, m)) { // the previous frame not taken yet (throughput batches)
            pause();
        }
        if (wait == Wait.BLOCK) {
            unpark(out.receiver);
        }
    }

    @Override
    public int receive() throws IOException, InterruptedException {
        in.receiver = Thread.currentThread();
        spin.reset();
        Message m;
        while ((m = in.frame.getAndSet(null)) == null) {
            pause();
        }
        if (wait == Wait.BLOCK) {
            unpark(in.sender); // the mailbox is empty again
        }
        if (copy) {
            System.arraycopy(m.data(), 0, own, 0, m.length());
            payload = own;
        } else {
            payload = m.data();
        }
        length = m.length();
        return m.kind();
    }

    private void pause() throws IOException, InterruptedException {
        if (wait == Wait.SPIN) {
            spin.pause(liveness);
        } else {
            // An unpark ends the park at once; the 10 ms bound only matters when the peer is gone.
            LockSupport.parkNanos(this, 10_000_000L);
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted while waiting for a frame");
            }
            liveness.check();
        }
    }

    private static void unpark(Thread t) {
        if (t != null) {
            LockSupport.unpark(t);
        }
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
        String how = wait == Wait.SPIN ? "the receiver spins on the mailbox (a yield every 1,024 rounds)"
                : "the receiver parks until the sender unparks it (LockSupport)";
        return "two threads, a one-frame mailbox each way, " + how + ", "
                + (copy ? "payload copied into the receiver's buffer" : "the array reference handed over (zero-copy)");
    }

    @Override
    public void close() {
        // nothing to release: the peer thread is stopped by its owner
    }
}
