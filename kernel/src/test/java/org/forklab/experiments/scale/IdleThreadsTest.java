package org.forklab.experiments.scale;

import org.forklab.experiments.core.Deadline;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import static org.junit.jupiter.api.Assertions.*;

/** The wait between counts follows the experiment's own idle threads, not every thread of the JVM. */
class IdleThreadsTest {
    private static final long GIVE_UP = 30_000_000_000L;

    @Test
    void seesANamedIdleThreadUntilItsTaskIsGone() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        Thread idle = new Thread(() -> {
            started.countDown();
            await(release);
        }, IdleThreads.PREFIX + "123456");
        idle.start();
        started.await();
        try {
            assertEquals(1, IdleThreads.remaining(), "the kernel shows the thread's name cut to 15 bytes");
        } finally {
            release.countDown();
            idle.join();
        }
        assertTrue(IdleThreads.awaitGone(GIVE_UP, Deadline.after(Duration.ofMinutes(1))));
        assertEquals(0, IdleThreads.remaining());
    }

    /**
     * Threads that are not the experiment's, started after a sweep began and still alive, used to
     * hold the count-based wait until its give-up once per count.
     */
    @Test
    void otherThreadsStartedMeanwhileDoNotHoldTheWait() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<Thread> others = new ArrayList<>();
        try {
            for (int i = 0; i < 12; i++) {
                Thread t = new Thread(() -> await(release), "unrelated-" + i);
                t.setDaemon(true);
                t.start();
                others.add(t);
            }
            assertEquals(0, IdleThreads.remaining());
            assertTrue(IdleThreads.awaitGone(GIVE_UP, Deadline.after(Duration.ofMinutes(1))),
                    "12 unrelated live threads must not count as the experiment's");
        } finally {
            release.countDown();
            for (Thread t : others) {
                t.join();
            }
        }
    }

    @Test
    void givesUpWhileAnIdleThreadLivesOn() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        Thread idle = new Thread(() -> {
            started.countDown();
            await(release);
        }, IdleThreads.PREFIX + "7");
        idle.start();
        started.await();
        try {
            assertFalse(IdleThreads.awaitGone(50_000_000L, Deadline.after(Duration.ofMinutes(1))));
        } finally {
            release.countDown();
            idle.join();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
