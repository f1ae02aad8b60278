package org.forklab.experiments.ipc;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * What the thread transports do with a message, checked on the arrays themselves: the zero-copy
 * hand-off passes the sender's array, the copying one gives each side a copy of its own. This
 * replaces comparing sizes' round-trip times, which measured the same thing through the clock
 * and failed whenever a machine preempted a 1 MiB trip more than a 64 B one. A mailbox holds one
 * frame, so one thread can send on one end and then receive on the other; no timing is involved.
 */
class HandoffLinkTest {
    private static final int SIZE = 1 << 20;

    private static byte[] message() {
        byte[] m = new byte[SIZE];
        for (int i = 0; i < m.length; i++) {
            m[i] = (byte) (i * 31);
        }
        return m;
    }

    @ParameterizedTest
    @EnumSource(HandoffLink.Wait.class)
    void theZeroCopyHandOffPassesTheSendersArrayBothWays(HandoffLink.Wait wait) throws Exception {
        HandoffLink[] ends = HandoffLink.pair(wait, false, SIZE, Liveness.NONE);
        byte[] sent = message();
        ends[0].send(Frames.ECHO, sent, SIZE);
        assertEquals(Frames.ECHO, ends[1].receive());
        assertSame(sent, ends[1].payload(), "the receiver got the sender's array, not a copy");
        ends[1].send(Frames.ECHO, ends[1].payload(), ends[1].length());
        assertEquals(Frames.ECHO, ends[0].receive());
        assertSame(sent, ends[0].payload());
        assertEquals(SIZE, ends[0].length());
    }

    @ParameterizedTest
    @EnumSource(HandoffLink.Wait.class)
    void theCopyingHandOffGivesEachSideItsOwnCopy(HandoffLink.Wait wait) throws Exception {
        HandoffLink[] ends = HandoffLink.pair(wait, true, SIZE, Liveness.NONE);
        byte[] sent = message();
        byte[] original = sent.clone();
        ends[0].send(Frames.ECHO, sent, SIZE);
        ends[1].receive();
        byte[] atPeer = ends[1].payload();
        assertNotSame(sent, atPeer);
        assertArrayEquals(original, Arrays.copyOf(atPeer, ends[1].length()));

        Arrays.fill(sent, (byte) 0); // the sender reuses its buffer: the peer's copy must not change
        assertArrayEquals(original, Arrays.copyOf(atPeer, ends[1].length()), "the peer's bytes are its own");

        ends[1].send(Frames.ECHO, atPeer, ends[1].length());
        ends[0].receive();
        byte[] back = ends[0].payload();
        assertNotSame(atPeer, back, "the echo was copied again, into the timing side's buffer");
        assertNotSame(sent, back);
        assertArrayEquals(original, Arrays.copyOf(back, ends[0].length()));
    }

    @ParameterizedTest
    @EnumSource(HandoffLink.Wait.class)
    void aShortFrameAfterALongOneReportsItsOwnLength(HandoffLink.Wait wait) throws Exception {
        HandoffLink[] ends = HandoffLink.pair(wait, true, SIZE, Liveness.NONE);
        ends[0].send(Frames.ECHO, message(), SIZE);
        ends[1].receive();
        ends[0].send(Frames.SINK, new byte[] {7, 8, 9}, 3);
        assertEquals(Frames.SINK, ends[1].receive());
        assertEquals(3, ends[1].length());
        assertArrayEquals(new byte[] {7, 8, 9}, Arrays.copyOf(ends[1].payload(), 3));
    }
}
