package org.forklab.experiments.core;

import org.forklab.stats.Unit;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.*;

class SamplerTest {

    @Test
    void keepsColdOperationsApartAndCountsEveryOperation() throws Exception {
        AtomicLong calls = new AtomicLong();
        SamplingPlan plan = new SamplingPlan(2, 10, 5, 4, Duration.ofNanos(1), Duration.ofSeconds(10));
        Samples s = Sampler.measure("count", plan, n -> calls.addAndGet(n));
        assertEquals(2, s.cold().length);
        assertEquals(5, s.size());
        assertEquals(4, s.opsPerSample());
        assertEquals(2 + 10 + 5 * 4, calls.get());
        assertEquals(Unit.NANOSECONDS, s.unit());
    }

    @Test
    void batchesShortOperationsUntilASampleOutlastsTheMinimum() throws Exception {
        SamplingPlan plan = new SamplingPlan(0, 0, 3, 0, Duration.ofNanos(200_000), Duration.ofSeconds(10));
        Samples s = Sampler.measure("tiny", plan, n -> {
            for (int i = 0; i < n; i++) {
                Thread.onSpinWait();
            }
        });
        assertTrue(s.opsPerSample() > 1, "a nanosecond operation must be batched, got " + s.opsPerSample());
    }

    @Test
    void stopsAtTheTimeLimit() {
        SamplingPlan plan = new SamplingPlan(0, 0, 1_000, 1, Duration.ofNanos(1), Duration.ofMillis(50));
        assertThrows(ExperimentTimeoutException.class,
                () -> Sampler.measure("slow", plan, n -> Thread.sleep(5)));
    }

    @Test
    void stopsWhenInterrupted() {
        SamplingPlan plan = SamplingPlan.standard(SamplingPlan.MAX_SAMPLES);
        Thread.currentThread().interrupt();
        try {
            assertThrows(InterruptedException.class, () -> Sampler.measure("x", plan, n -> { }));
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void refusesZeroSamplesWithOneLine() {
        BadParameterException e = assertThrows(BadParameterException.class, () -> SamplingPlan.standard(0));
        assertEquals("samples = 0 is out of range: accepted 1 to 100000; try 1", e.getMessage());
    }
}
