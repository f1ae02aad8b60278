package org.forklab.magics.explore;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExplorerTest {
    @Test
    void aNewRequestStopsTheRunGoingAndNeverOverlapsIt() throws Exception {
        AtomicInteger atOnce = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        List<String> ended = new CopyOnWriteArrayList<>();
        CountDownLatch firstStarted = new CountDownLatch(1);
        try (Explorer explorer = new Explorer("test", (n, args) -> {
            most.accumulateAndGet(atOnce.incrementAndGet(), Math::max);
            try {
                if (!args.get(0).equals("last")) {
                    firstStarted.countDown();
                    Thread.sleep(60_000);
                }
                ended.add(args.get(0) + " done");
            } catch (InterruptedException e) {
                ended.add(args.get(0) + " stopped");
                throw e;
            } finally {
                atOnce.decrementAndGet();
            }
        })) {
            explorer.request(List.of("long"));
            assertTrue(firstStarted.await(30, TimeUnit.SECONDS));
            explorer.request(List.of("skipped"));
            explorer.request(List.of("last")).get(30, TimeUnit.SECONDS);
        }
        // The middle request is superseded before it starts, or (if the worker got to it first) stopped.
        assertTrue(ended.equals(List.of("long stopped", "last done"))
                || ended.equals(List.of("long stopped", "skipped stopped", "last done")), ended.toString());
        assertEquals(1, most.get());
    }
}
