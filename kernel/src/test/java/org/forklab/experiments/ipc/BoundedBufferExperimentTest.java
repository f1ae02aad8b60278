package org.forklab.experiments.ipc;

import org.forklab.experiments.core.BadParameterException;
import org.forklab.experiments.core.ExperimentTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

@ExtendWith(NothingLeftBehind.class)
class BoundedBufferExperimentTest {
    @Test
    void everyItemArrivesOnceAndInOrderThroughEveryMechanism() throws Exception {
        // capacity 3 and odd counts: the buffer fills and empties many times, and wraps off its edge
        BoundedBufferResult r = BoundedBufferExperiment.run(BoundedBufferConfig.defaults().withItems(3_001).withCapacity(3).withTrials(2));
        assertEquals(BoundedBufferConfig.MECHANISMS, r.runs().stream().map(BufferRun::mechanism).toList());
        for (BufferRun run : r.runs()) {
            assertTrue(run.check().exactlyOnceInOrder(), run.mechanism() + ": " + run.check());
            assertEquals(3_001L * 3, run.check().received());
            assertEquals(-1, run.check().firstMisplaced());
            assertEquals(2, run.itemsPerSecond().size());
            assertEquals(1, run.itemsPerSecond().cold().length);
            assertEquals("items/s", run.itemsPerSecond().unit());
            for (double v : run.itemsPerSecond().values()) {
                assertTrue(v > 0, run.mechanism());
            }
        }
        assertEquals("bounded-buffer", r.experiment());
        assertEquals(3, r.samples().size());
    }

    @Test
    void bufferKeepsOrderUnderManyProducersFillingIt() throws Exception {
        // the class itself, with two producers racing: each one's items stay in its own order
        BoundedBuffer b = new BoundedBuffer(2);
        int n = 10_000;
        List<Long> got = Collections.synchronizedList(new ArrayList<>());
        Thread p1 = new Thread(() -> { try { for (long i = 0; i < n; i++) b.put(i); } catch (InterruptedException e) { } });
        Thread p2 = new Thread(() -> { try { for (long i = 0; i < n; i++) b.put(-1 - i); } catch (InterruptedException e) { } });
        p1.start();
        p2.start();
        for (int i = 0; i < 2 * n; i++) {
            got.add(b.take());
        }
        p1.join();
        p2.join();
        assertEquals(List.of(0L, 1L, 2L), got.stream().filter(v -> v >= 0).limit(3).toList());
        assertEquals(n, got.stream().filter(v -> v >= 0).count());
        long expect = 0;
        for (long v : got) {
            if (v >= 0) {
                assertEquals(expect++, v);
            }
        }
    }

    @Test
    void consumerCheckCountsMisplacedItems() throws Exception {
        long[] feed = {0, 1, 3, 3, 4, 5};
        int[] at = {0};
        ItemCheck c = ItemConsumer.consume(() -> feed[at[0]++], 3, new long[2]);
        assertEquals(new ItemCheck(6, 6, 1, 2), c);
        assertFalse(c.exactlyOnceInOrder());
    }

    @Test
    void refusesBadParameters() {
        assertEquals("mechanism 'carrier-pigeon' is not known: accepted threads, processes-shared-ring, processes-pipe",
                assertThrows(BadParameterException.class,
                        () -> BoundedBufferConfig.defaults().withMechanisms(List.of("carrier-pigeon"))).getMessage());
        assertEquals("items per block = 0 is out of range: accepted 1 to 100000000; try 1",
                assertThrows(BadParameterException.class, () -> BoundedBufferConfig.defaults().withItems(0)).getMessage());
        assertEquals("buffer capacity (items) = -1 is out of range: accepted 1 to 1048576; try 1",
                assertThrows(BadParameterException.class, () -> BoundedBufferConfig.defaults().withCapacity(-1)).getMessage());
        assertEquals("trials = 0 is out of range: accepted 1 to 1000; try 1",
                assertThrows(BadParameterException.class, () -> BoundedBufferConfig.defaults().withTrials(0)).getMessage());
    }

    @Test
    void timeLimitStopsThreadsAndProcesses() {
        for (String m : BoundedBufferConfig.MECHANISMS) {
            BoundedBufferConfig c = BoundedBufferConfig.defaults().withMechanisms(List.of(m))
                    .withItems(100_000_000).withTimeLimit(Duration.ofMillis(800));
            assertThrows(ExperimentTimeoutException.class, () -> BoundedBufferExperiment.run(c), m);
        }
    }

    @Test
    void interruptStopsThreadsAndProcesses() throws Exception {
        for (String m : BoundedBufferConfig.MECHANISMS) {
            BoundedBufferConfig c = BoundedBufferConfig.defaults().withMechanisms(List.of(m)).withItems(100_000_000);
            Throwable[] thrown = new Throwable[1];
            Thread runner = new Thread(() -> {
                try {
                    BoundedBufferExperiment.run(c);
                } catch (Throwable t) {
                    thrown[0] = t;
                }
            });
            runner.start();
            Thread.sleep(700);
            runner.interrupt();
            runner.join(10_000);
            assertFalse(runner.isAlive(), m);
            assertInstanceOf(InterruptedException.class, thrown[0], m + ": " + thrown[0]);
        }
    }
}
