package org.forklab.kernel;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.*;

class IdleCollectorTest {
    /** Tasks are run by the test, in its own order, so nothing here depends on a clock. */
    private static final class HandTimer implements IdleCollector.Timer {
        final List<Runnable> tasks = new ArrayList<>();
        final List<Duration> delays = new ArrayList<>();
        final List<CompletableFuture<Void>> futures = new ArrayList<>();

        @Override
        public Future<?> after(Duration delay, Runnable task) {
            tasks.add(task);
            delays.add(delay);
            CompletableFuture<Void> future = new CompletableFuture<>();
            futures.add(future);
            return future;
        }

        @Override
        public void close() {
        }
    }

    private final HandTimer timer = new HandTimer();
    private final AtomicInteger collections = new AtomicInteger();
    private final IdleCollector collector = new IdleCollector(Duration.ofMillis(1500), collections::incrementAndGet, timer);

    @Test
    void collectsOnceTheKernelHasBeenIdleAfterACell() {
        collector.cellStarted();
        assertEquals(List.of(), timer.tasks, "nothing is scheduled while a cell runs");
        collector.cellEnded();
        assertEquals(List.of(Duration.ofMillis(1500)), timer.delays);
        timer.tasks.get(0).run();
        assertEquals(1, collections.get());
    }

    @Test
    void aCellThatStartsFirstCancelsTheCollection() {
        collector.cellStarted();
        collector.cellEnded();
        collector.cellStarted();
        assertTrue(timer.futures.get(0).isCancelled());
        timer.tasks.get(0).run(); // it ran anyway: a cancel can lose the race with the timer
        assertEquals(0, collections.get(), "no collection while a cell runs");
        collector.cellEnded();
        timer.tasks.get(0).run();
        assertEquals(0, collections.get(), "the first cell's task is stale once a later cell started");
        timer.tasks.get(1).run();
        assertEquals(1, collections.get());
    }

    @Test
    void zeroIdleTimeTurnsItOff() {
        IdleCollector off = new IdleCollector(Duration.ZERO, collections::incrementAndGet, timer);
        off.cellStarted();
        off.cellEnded();
        assertEquals(List.of(), timer.tasks);
    }

    @Test
    void theKernelReadsItsIdleTimeFromTheJvmOptions() {
        System.setProperty(IdleCollector.IDLE_PROPERTY, "0");
        try (IdleCollector fromProperty = IdleCollector.forKernel()) {
            fromProperty.cellStarted();
            fromProperty.cellEnded();
            assertFalse(fromProperty.hasPendingCollection(), "-Dforklab.idleCollectMillis=0 turns it off");
        } finally {
            System.clearProperty(IdleCollector.IDLE_PROPERTY);
        }
        try (IdleCollector byDefault = IdleCollector.forKernel()) {
            byDefault.cellStarted();
            byDefault.cellEnded();
            assertTrue(byDefault.hasPendingCollection());
        }
    }
}
