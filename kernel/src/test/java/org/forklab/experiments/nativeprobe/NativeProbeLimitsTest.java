package org.forklab.experiments.nativeprobe;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.List;
import org.forklab.experiments.core.SamplingPlan;
import org.junit.jupiter.api.Test;

/** The probe's own bound on samples is the Java side's, written in two languages and checked here. */
class NativeProbeLimitsTest {

    @Test
    void theProbeTakesAsManySamplesAsSamplingPlanAndNoMore() throws Exception {
        NativeProbe probe = NativeProbe.bundled();
        // without a C compiler there is no probe and nothing to compare; NativeProbeTest covers that line
        assumeTrue(probe.availability().isEmpty(), () -> probe.availability().orElse(""));
        ProbeRun over = probe.run(List.of("spawn", "ops=pthread", "samples=" + (SamplingPlan.MAX_SAMPLES + 1)),
                Duration.ofSeconds(30));
        assertFalse(over.succeeded());
        assertTrue(over.child().stderrTail().contains("samples = " + (SamplingPlan.MAX_SAMPLES + 1)
                + " is out of range: accepted 1 to " + SamplingPlan.MAX_SAMPLES), over.child().stderrTail());
    }
}
