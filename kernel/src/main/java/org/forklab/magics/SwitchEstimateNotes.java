package org.forklab.magics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import org.forklab.experiments.core.Samples;
import org.forklab.experiments.switching.SwitchResult;
import org.forklab.stats.format.Units;

/**
 * The lmbench reading of a ping-pong beside the half round trip: the switch estimate (round
 * trip minus the same traffic in one task, halved) as a row of its own, and a note with the
 * medians and the context switches the kernel counted per round trip.
 */
final class SwitchEstimateNotes {
    private SwitchEstimateNotes() {
    }

    /** Adds the estimate row to {@code rows} and returns the note, for runs that carry a one-task baseline. */
    static List<String> of(String what, List<SwitchResult.Run> runs, List<Samples> rows) {
        List<String> notes = new ArrayList<>();
        List<Samples> estimates = runs.stream().flatMap(r -> r.switchEstimate().stream()).toList();
        if (estimates.isEmpty()) {
            return notes;
        }
        double[] values = estimates.stream().flatMapToDouble(s -> Arrays.stream(s.values())).toArray();
        rows.add(new Samples(what + ", switch estimate", estimates.get(0).unit(), values, new double[0],
                estimates.get(0).opsPerSample()));
        double roundTrip = median(runs.stream().mapToDouble(SwitchResult.Run::medianRoundTripNs).toArray());
        double oneTask = median(runs.stream().flatMap(r -> r.oneTask().stream())
                .mapToDouble(s -> median(s.values())).toArray());
        double estimate = median(values);
        OptionalDouble switches = averageSwitches(runs);
        notes.add(String.format(Locale.ROOT, "%s: round trip %s, the same traffic in one task %s, so one switch"
                        + " ≈ (round trip − one task) / 2 = %s%s", what, Units.duration(roundTrip), Units.duration(oneTask),
                estimate < 0 ? "< 0 (noise of the subtraction: the two were not told apart)" : Units.duration(estimate),
                switches.isPresent()
                        ? String.format(Locale.ROOT, "; the kernel counted %.2f context switches per round trip (both sides)",
                        switches.getAsDouble())
                        : "; the kernel's switch counts could not be read"));
        return notes;
    }

    private static OptionalDouble averageSwitches(List<SwitchResult.Run> runs) {
        return runs.stream().filter(r -> r.switchesPerRoundTrip().isPresent())
                .mapToDouble(r -> r.switchesPerRoundTrip().getAsDouble()).average();
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }
}
