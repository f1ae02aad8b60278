package org.forklab.experiments.cost;

import org.forklab.experiments.core.Samples;
import org.forklab.experiments.switching.Placement;
import org.forklab.experiments.switching.SwitchConfig;
import org.forklab.experiments.switching.SwitchExperiment;
import org.forklab.experiments.switching.SwitchMode;
import org.forklab.experiments.switching.SwitchResult;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * forklab's own figures for the benchmark script bench/reference.sh, which prints them next to
 * an independent reference: one "name&lt;TAB&gt;median ns" line per figure, with the names the
 * reference uses. A figure that cannot be measured here prints "name&lt;TAB&gt;-&lt;TAB&gt;reason".
 */
public final class FiguresMain {
    private FiguresMain() {
    }

    public static void main(String[] args) throws Exception {
        // Sample sizes like the reference's: many for the ~20-100 µs thread figures, fewer for processes.
        CostResult threads = CostExperiment.run(CostConfig.defaults()
                .withVariants(List.of(CostVariant.PTHREAD, CostVariant.PLATFORM_THREAD))
                .withSamples(500).withWarmupOps(200).withForkTouchBytes(List.of()));
        CostResult cost = CostExperiment.run(CostConfig.defaults()
                .withVariants(List.of(CostVariant.FORK, CostVariant.FORK_EXEC, CostVariant.POSIX_SPAWN, CostVariant.PROCESS_BUILDER))
                .withSamples(100).withWarmupOps(20).withForkTouchBytes(List.of()));
        print(cost, CostVariant.FORK, "fork+_exit+waitpid");
        print(cost, CostVariant.FORK_EXEC, "fork+exec /bin/true");
        print(cost, CostVariant.POSIX_SPAWN, "posix_spawn /bin/true");
        print(threads, CostVariant.PTHREAD, "pthread_create+join");
        SwitchResult pingpong = SwitchExperiment.run(SwitchConfig.defaults().withModes(List.of(SwitchMode.PROCESS_PIPE))
                .withPlacements(List.of(Placement.SAME_CPU)).withRuns(5).withSamples(200));
        double[] medians = pingpong.runMedians(SwitchMode.PROCESS_PIPE, Placement.SAME_CPU);
        String name = "pipe round trip, processes, same CPU";
        if (medians.length == 0) {
            System.out.println(name + "\t-\t" + pingpong.skipped().get(0).reason());
        } else {
            // The median of the per-run medians: runs are never pooled.
            System.out.println(name + "\t" + format(median(medians)));
        }
        print(threads, CostVariant.PLATFORM_THREAD, "Thread.start+join");
        print(cost, CostVariant.PROCESS_BUILDER, "ProcessBuilder /bin/true");
    }

    private static void print(CostResult r, CostVariant v, String name) {
        String line = r.of(v).map(s -> name + "\t" + format(median(s)))
                .orElseGet(() -> name + "\t-\t" + r.skipped().stream().filter(s -> s.label().startsWith(v.label()))
                        .map(CostResult.Skipped::reason).findFirst().orElse("not measured"));
        System.out.println(line);
    }

    private static double median(Samples s) {
        return median(s.values());
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    private static String format(double ns) {
        return String.format(Locale.ROOT, "%.0f", ns);
    }
}
