package org.forklab.experiments.core;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SamplerRoundsTest {
    @Test
    void samplesAreTakenOneOfEachOperationPerRound() throws Exception {
        List<String> calls = new ArrayList<>();
        TimedOperation a = times -> calls.add("a" + times);
        TimedOperation b = times -> calls.add("b" + times);
        SamplingPlan plan = new SamplingPlan(1, 0, 3, 2, Duration.ofNanos(1), Duration.ofSeconds(10));
        SamplingPlan three = new SamplingPlan(1, 0, 3, 3, Duration.ofNanos(1), Duration.ofSeconds(10));
        List<Samples> out = Sampler.measureRounds(List.of("A", "B"), List.of(plan, three), List.of(a, b));
        // cold ones first (one each), then the samples in rounds: a b, a b, a b, each with its own batch
        assertEquals(List.of("a1", "b1", "a2", "b3", "a2", "b3", "a2", "b3"), calls);
        assertEquals(List.of("A", "B"), out.stream().map(Samples::label).toList());
        assertEquals(3, out.get(0).size());
        assertEquals(2, out.get(0).opsPerSample());
        assertEquals(3, out.get(1).opsPerSample());
    }
}
