import org.forklab.experiments.core.BadParameterException;
import org.forklab.experiments.core.Cpus;
import org.forklab.experiments.core.Environment;
import org.forklab.experiments.core.Samples;
import org.forklab.experiments.cost.CostConfig;
import org.forklab.experiments.cost.CostExperiment;
import org.forklab.experiments.cost.CostPlacement;
import org.forklab.experiments.cost.CostResult;
import org.forklab.experiments.cost.CostVariant;
import org.forklab.experiments.ipc.IpcConfig;
import org.forklab.experiments.ipc.IpcExperiment;
import org.forklab.experiments.switching.Placement;
import org.forklab.experiments.switching.SwitchConfig;
import org.forklab.experiments.switching.SwitchExperiment;
import org.forklab.experiments.switching.SwitchMode;
import org.forklab.experiments.switching.SwitchResult;
import org.forklab.stats.Quantiles;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * forklab's own figures for the benchmark script bench/reference.sh, which prints them next to
 * an independent reference: one "name&lt;TAB&gt;median ns" line per figure, with the names the
 * reference uses. A figure that cannot be measured here prints "name&lt;TAB&gt;-&lt;TAB&gt;reason".
 * A benchmark entry, not part of forklab: bench/reference.sh compiles it against the built classes.
 *
 * <p>The native figures are measured pinned to the first CPU this process may use (one-cpu
 * placement), as the reference pins its own: unpinned, whether a new thread or child lands on an
 * idle second CPU decides the figure (on a 2-vCPU VM pthread_create+join moved between 27 and
 * 56 µs from run to run, against a steady 19 µs pinned). Thread.start and ProcessBuilder stay in
 * this JVM, unpinned, like the reference's plain Java class.
 */
public final class FiguresMain {
    private static final Map<CostVariant, String> REFERENCE_NAMES = Map.of(CostVariant.FORK, "fork+_exit+waitpid",
            CostVariant.FORK_EXEC, "fork+exec /bin/true", CostVariant.POSIX_SPAWN, "posix_spawn /bin/true");

    private FiguresMain() {
    }

    public static void main(String[] args) throws Exception {
        // Sample sizes like the reference's: many for the ~20-100 µs thread figures, fewer for processes.
        CostConfig threadSizes = CostConfig.defaults().withSamples(500).withWarmupOps(200).withForkTouchBytes(List.of());
        CostConfig processSizes = CostConfig.defaults().withSamples(100).withWarmupOps(20).withForkTouchBytes(List.of());
        // The native rows first, each alone: the reference times each operation in a block of its own, and
        // measured after the Java rows the probe shared its CPU with this JVM's compiler and collector
        // threads (fork then read 159 µs here against 123 µs alone, on a 2-vCPU VM at load 1).
        for (CostVariant v : List.of(CostVariant.FORK, CostVariant.FORK_EXEC, CostVariant.POSIX_SPAWN)) {
            print(CostExperiment.run(pinned(processSizes, v)), v, REFERENCE_NAMES.get(v));
        }
        print(CostExperiment.run(pinned(threadSizes, CostVariant.PTHREAD)), CostVariant.PTHREAD, "pthread_create+join");
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
        // the lmbench subtraction: (round trip − the same pipe traffic in one task) / 2, median of the run medians
        double[] estimates = pingpong.runsOf(SwitchMode.PROCESS_PIPE, Placement.SAME_CPU).stream()
                .mapToDouble(SwitchResult.Run::medianSwitchEstimateNs).filter(v -> !Double.isNaN(v)).toArray();
        System.out.println(estimates.length == 0 ? "switch estimate, processes, same CPU\t-\tno one-task baseline here"
                : "switch estimate, processes, same CPU\t" + format(median(estimates)));
        System.out.println(spinHandoffTwoCpus());
        print(CostExperiment.run(threadSizes.withVariants(List.of(CostVariant.PLATFORM_THREAD))), CostVariant.PLATFORM_THREAD,
                "Thread.start+join");
        print(CostExperiment.run(processSizes.withVariants(List.of(CostVariant.PROCESS_BUILDER))), CostVariant.PROCESS_BUILDER,
                "ProcessBuilder /bin/true");
    }

    /** %ipc's native-threads-spin on two CPUs at its smallest message: a round trip, as the reference times it. */
    private static String spinHandoffTwoCpus() throws Exception {
        String name = "spin hand-off, threads, two CPUs";
        IpcConfig c = IpcConfig.defaults().withTransports(List.of("native-threads-spin")).withPlacements(List.of(Placement.TWO_CPUS))
                .withSizes(List.of(8)).withLatencySamples(200);
        try {
            c.checkPlacements(Cpus.parseList(Environment.current().cpuAffinity()));
        } catch (BadParameterException e) {
            return name + "\t-\t" + e.getMessage();
        }
        return name + "\t" + format(median(IpcExperiment.run(c).transports().get(0).points().get(0).latency()));
    }

    /** Native variants pinned to one CPU, as the reference measures them. */
    private static CostConfig pinned(CostConfig sizes, CostVariant... natives) {
        return sizes.withVariants(List.of(natives)).withPlacement(CostPlacement.ONE_CPU);
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
        return Quantiles.median(values);
    }

    private static String format(double ns) {
        return String.format(Locale.ROOT, "%.0f", ns);
    }
}
