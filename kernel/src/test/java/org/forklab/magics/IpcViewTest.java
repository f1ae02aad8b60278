package org.forklab.magics;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.forklab.experiments.ipc.IpcConfig;
import org.forklab.experiments.ipc.IpcExperiment;
import org.forklab.experiments.switching.Placement;
import org.forklab.magics.io.Bundle;
import org.junit.jupiter.api.Test;

/** Which chart %ipc draws: a line against size for a sweep, boxes by transport and placement for one size. */
class IpcViewTest {

    private static IpcConfig tiny(List<Integer> sizes) {
        return IpcConfig.defaults().withTransports(List.of("thread-spin", "thread-handoff"))
                .withPlacements(List.of(Placement.SCHEDULER)).withSizes(sizes).withLatencySamples(3).withThroughputSamples(2);
    }

    @Test
    void oneSizeGetsABoxForEveryTransportAndPlacement() throws Exception {
        Bundle.Chart chart = IpcMagic.view(IpcExperiment.run(tiny(List.of(64)))).chart().orElseThrow();
        assertTrue(chart.svg().contains("Round trip of 64 B messages by transport and placement"), "title");
        assertTrue(chart.svg().contains("thread-spin, scheduler"), "a box labelled thread-spin, scheduler");
        assertTrue(chart.svg().contains("thread-handoff, scheduler"), "a box labelled thread-handoff, scheduler");
        assertFalse(chart.svg().contains("by message size"), "no sweep line for a single size");
    }

    @Test
    void severalSizesGetALineAgainstSize() throws Exception {
        Bundle.Chart chart = IpcMagic.view(IpcExperiment.run(tiny(List.of(64, 4096)))).chart().orElseThrow();
        assertTrue(chart.svg().contains("Round-trip latency by message size, placement scheduler"), "sweep title");
    }
}
