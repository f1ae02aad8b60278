package org.forklab.magics.readings;

import java.util.Arrays;
import java.util.List;
import org.forklab.experiments.core.Samples;
import org.forklab.experiments.switching.Placement;
import org.forklab.experiments.switching.SwitchMode;
import org.forklab.experiments.switching.SwitchResult;
import org.forklab.magics.claims.ClaimOutcome;
import org.forklab.magics.readings.Contrast.Kind;
import org.forklab.magics.readings.Contrast.Measure;
import org.forklab.magics.readings.Contrast.Side;

/**
 * %pingpong: a round trip (write, wake-up, switch, read, and back) between two processes against
 * the same between two threads of one process, at the first placement that has both.
 */
public final class PingPongReading {
    private PingPongReading() {
    }

    public static Reading of(SwitchResult r) {
        Placement placement = Arrays.stream(Placement.values())
                .filter(p -> !r.runsOf(SwitchMode.THREAD_PIPE, p).isEmpty() && !r.runsOf(SwitchMode.PROCESS_PIPE, p).isEmpty())
                .findFirst().orElse(Placement.SAME_CPU);
        Contrast.Outcome o = Contrast.of(side(r, SwitchMode.PROCESS_PIPE, placement, "processes"),
                side(r, SwitchMode.THREAD_PIPE, placement, "threads"), Measure.TIME,
                "the pair changed CPUs between runs or part of the run shared a CPU with other work");
        String finding = "a pipe round trip (" + placement.word() + "): " + o.sentence();
        if (o.kind() == Kind.NO_DETECTABLE_DIFFERENCE) {
            finding += "; switching address spaces adds little here, so the wake-up and the two switches both pairs"
                    + " pay dominate";
        } else if (o.kind() == Kind.CLEARLY_DIFFERENT && o.larger().orElse("").equals("threads")) {
            finding += "; the threads' round trip was the slower one, so the address-space switch is not what costs"
                    + " most here";
        }
        return Readings.withClaims(finding, ClaimOutcome.forResult(r, r.environment()));
    }

    private static Side side(SwitchResult r, SwitchMode mode, Placement placement, String name) {
        List<SwitchResult.Run> runs = r.runsOf(mode, placement);
        if (runs.isEmpty()) {
            return Side.missing(name);
        }
        double[] values = runs.stream().flatMapToDouble(run -> Arrays.stream(run.roundTrip().values())).toArray();
        return Side.of(name, Samples.of(name, runs.get(0).roundTrip().unit(), values));
    }
}
