package org.forklab.magics;

import org.forklab.experiments.cost.CostSetting;
import org.forklab.experiments.core.Settings;
import org.forklab.stats.Unit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.forklab.experiments.core.Environment;
import org.forklab.experiments.core.Samples;
import org.forklab.experiments.cost.CostResult;
import org.forklab.experiments.cost.CostVariant;

/** Results with known samples, so views and claims can be checked without timing anything. */
final class TestResults {
    private TestResults() {
    }

    static double[] around(double centre, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = centre * (0.97 + 0.06 * i / (n - 1));
        }
        return v;
    }

    /** pthread at 5 µs (inside 2–10 µs), fork at 500 µs (above 50–100 µs). */
    static CostResult cost() {
        Settings settings = Settings.builder().put(CostSetting.SAMPLES, "40").build();
        return new CostResult(Environment.current(), settings, List.of(
                new CostResult.VariantSamples(CostVariant.PTHREAD,
                        new Samples("pthread_create+join", Unit.NANOSECONDS, around(5_000, 40), new double[] {40_000}, 1)),
                new CostResult.VariantSamples(CostVariant.FORK,
                        new Samples("fork+_exit+waitpid", Unit.NANOSECONDS, around(500_000, 40), new double[0], 1))),
                List.of(), List.of(), List.of(new CostResult.Skipped("virtual thread start+join", "needs JDK 21")));
    }
}
