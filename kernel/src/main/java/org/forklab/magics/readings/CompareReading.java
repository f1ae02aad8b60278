package org.forklab.magics.readings;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.forklab.experiments.core.Samples;
import org.forklab.magics.readings.Contrast.Kind;
import org.forklab.magics.readings.Contrast.Measure;
import org.forklab.magics.readings.Contrast.Side;

/**
 * %compare: each condition of the later results against the baseline's; how many differ
 * detectably, and the largest such difference in one sentence.
 */
public final class CompareReading {
    /** One saved result's name and its samples. */
    public record Run(String name, List<Samples> samples) {
    }

    private CompareReading() {
    }

    /** {@code conditions} (labels) of every run against the first run. */
    public static Reading of(List<Run> runs, List<String> conditions) {
        Run baseline = runs.get(0);
        List<Contrast.Outcome> different = new ArrayList<>();
        int same = 0;
        int bimodal = 0;
        for (String c : conditions) {
            Optional<Samples> base = find(baseline, c);
            for (Run r : runs.subList(1, runs.size())) {
                Optional<Samples> s = find(r, c);
                if (base.isEmpty() || s.isEmpty()) {
                    continue;
                }
                // Separate runs: their samples share each run's moment, so the reading compares
                // the same block medians as the display's ratio lines, not single samples.
                Contrast.Outcome o = Contrast.of(Side.of(baseline.name() + "'s " + c, blocked(base.get())),
                        Side.of(r.name() + "'s " + c, blocked(s.get())), Measure.TIME, null);
                if (o.kind() == Kind.CLEARLY_DIFFERENT) {
                    different.add(o);
                } else if (o.kind() == Kind.BIMODAL) {
                    bimodal++;
                } else {
                    same++;
                }
            }
        }
        int total = different.size() + same + bimodal;
        if (total == 0) {
            return Reading.of(runs.size() < 2 ? "one result alone: there is nothing to compare it with"
                    : "no condition was measured both in " + baseline.name() + " and in a later result");
        }
        String count = different.size() + " of " + total + " condition" + (total == 1 ? "" : "s")
                + " differ detectably from " + baseline.name() + (same > 0 ? ", " + same + " show no detectable difference" : "")
                + (bimodal > 0 ? ", " + bimodal + " fell in two clusters" : "");
        Optional<String> largest = different.stream()
                .max((x, y) -> Double.compare(x.comparison().orElseThrow().ratio(), y.comparison().orElseThrow().ratio()))
                .map(o -> "the largest: " + o.sentence());
        return Reading.of(count, largest);
    }

    private static Samples blocked(Samples s) {
        return Samples.of(s.label(), s.unit(), org.forklab.stats.Blocks.medians(s.values()));
    }

    private static Optional<Samples> find(Run r, String condition) {
        return r.samples().stream().filter(s -> s.label().equals(condition) && s.size() > 0).findFirst();
    }
}
