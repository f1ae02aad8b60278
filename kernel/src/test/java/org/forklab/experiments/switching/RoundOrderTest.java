package org.forklab.experiments.switching;

import org.forklab.stats.Unit;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.forklab.experiments.switching.SwitchExperiment.Cell;
import org.junit.jupiter.api.Test;

class RoundOrderTest {
    @Test
    void everyVariantRunsOncePerRoundAndRoundsFollowEachOther() {
        Cell a = new Cell(SwitchMode.THREAD_PIPE, Placement.SAME_CPU);
        Cell b = new Cell(SwitchMode.PROCESS_PIPE, Placement.SAME_CPU);
        Cell c = new Cell(SwitchMode.THREAD_PIPE, Placement.SCHEDULER);
        List<Cell> order = SwitchExperiment.roundOrder(List.of(a, b, c), 3);
        assertEquals(9, order.size());
        List<String> shape = order.stream().map(x -> x.mode().word() + "/" + x.placement().word() + "#" + x.round()).toList();
        assertEquals(List.of(
                "thread-pipe/same-cpu#0", "process-pipe/same-cpu#0", "thread-pipe/scheduler#0",
                "thread-pipe/same-cpu#1", "process-pipe/same-cpu#1", "thread-pipe/scheduler#1",
                "thread-pipe/same-cpu#2", "process-pipe/same-cpu#2", "thread-pipe/scheduler#2"), shape);
    }

    @Test
    void aRunRenumberedAsARoundKeepsItsSamplesAndNamesTheRound() {
        var samples = new org.forklab.experiments.core.Samples(SwitchExperiment.label(SwitchMode.THREAD_PIPE,
                Placement.SAME_CPU, 0), Unit.NANOSECONDS, new double[] {1, 2, 3}, new double[0], 1);
        SwitchResult.Run run = new SwitchResult.Run(SwitchMode.THREAD_PIPE, Placement.SAME_CPU, 0, samples, 0, 0).asRound(4);
        assertEquals(4, run.run());
        assertEquals("thread pipe, same-cpu, run 5: round trip".replace("thread pipe", SwitchMode.THREAD_PIPE.label()),
                run.roundTrip().label());
        assertArrayEquals(new double[] {1, 2, 3}, run.roundTrip().values());
    }
}
