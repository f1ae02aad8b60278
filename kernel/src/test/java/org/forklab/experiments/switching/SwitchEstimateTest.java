package org.forklab.experiments.switching;

import org.forklab.stats.Unit;
import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonObject;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.forklab.experiments.core.Samples;
import org.junit.jupiter.api.Test;

/** The lmbench subtraction and the kernel's switch counts, on synthetic samples. */
class SwitchEstimateTest {
    private static Samples of(String label, double... v) {
        return new Samples(label, Unit.NANOSECONDS, v, new double[0], 10);
    }

    @Test
    void estimateIsHalfTheRoundTripMinusTheOneTaskTrafficSampleBySample() {
        SwitchResult.Run run = new SwitchResult.Run(SwitchMode.THREAD_PIPE, Placement.SAME_CPU, 0,
                of("thread pipe, same-cpu, run 1: round trip", 10_000, 12_000, 11_000), 0, 0,
                Optional.of(of("one task", 2_000, 2_400, 1_000)), OptionalDouble.of(2.0));
        Samples estimate = run.switchEstimate().orElseThrow();
        assertArrayEquals(new double[] {4_000, 4_800, 5_000}, estimate.values());
        assertEquals(4_800, run.medianSwitchEstimateNs());
        assertTrue(estimate.label().contains("switch estimate ((round trip − one task) / 2)"), estimate.label());
        assertEquals(5_500, run.medianPerSwitchNs(), "the half round trip is still there, named so");
    }

    @Test
    void aRunWithoutBaselineHasNoEstimate() {
        SwitchResult.Run run = new SwitchResult.Run(SwitchMode.JAVA_PIPE, Placement.SAME_CPU, 0, of("x round trip", 1, 2), 0, 0);
        assertTrue(run.switchEstimate().isEmpty());
        assertTrue(Double.isNaN(run.medianSwitchEstimateNs()));
    }

    @Test
    void switchesPerRoundTripAddBothSidesBothKinds() {
        JsonObject line = new com.google.gson.Gson().fromJson("{\"type\":\"switches\",\"round_trips\":1000,\"initiator_voluntary\":990,"
                + "\"initiator_involuntary\":10,\"partner_voluntary\":995,\"partner_involuntary\":5}", JsonObject.class);
        assertEquals(2.0, SwitchExperiment.switchesPerRoundTrip(List.of(line)).getAsDouble(), 1e-12);
        JsonObject unreadable = new com.google.gson.Gson().fromJson("{\"type\":\"switches\",\"round_trips\":1000,\"initiator_voluntary\":990,"
                + "\"initiator_involuntary\":10,\"partner_voluntary\":-1,\"partner_involuntary\":0}", JsonObject.class);
        assertTrue(SwitchExperiment.switchesPerRoundTrip(List.of(unreadable)).isEmpty());
        assertTrue(SwitchExperiment.switchesPerRoundTrip(List.of()).isEmpty());
    }

    @Test
    void theProbeCountsTheSwitchesThatReallyHappenOnOneCpu() throws Exception {
        SwitchConfig c = SwitchConfig.defaults().withModes(List.of(SwitchMode.THREAD_PIPE, SwitchMode.PROCESS_PIPE))
                .withPlacements(List.of(Placement.SAME_CPU)).withRuns(1).withSamples(10).withWarmup(50);
        SwitchResult r = SwitchExperiment.run(c);
        if (!r.skipped().isEmpty()) {
            return; // no probe or no C compiler here: the skipped line says why
        }
        for (SwitchResult.Run run : r.runs()) {
            // pinned to one CPU, each round trip blocks each side once: at least two switches, whatever the timing
            assertTrue(run.switchesPerRoundTrip().orElseThrow() >= 1.9, run.toString());
            assertTrue(run.oneTask().isPresent(), run.toString());
            assertEquals(run.roundTrip().size(), run.oneTask().get().size());
        }
    }
}
