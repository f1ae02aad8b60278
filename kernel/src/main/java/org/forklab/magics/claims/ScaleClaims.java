package org.forklab.magics.claims;

import java.util.List;
import java.util.Optional;
import org.forklab.experiments.core.Environment;
import org.forklab.experiments.scale.ScaleConfig;
import org.forklab.experiments.scale.ScaleResult;
import org.forklab.experiments.scale.Series;
import org.forklab.stats.ClaimRange;
import org.forklab.stats.Interval;
import org.forklab.stats.Unit;
import org.forklab.stats.Verdict;
import org.forklab.stats.format.Units;

/**
 * The lesson's resource claims that %scale answers with a slope per entity. Each cause names
 * what actually ran, read from the result: which kind gave the slope ('sleep' children started
 * by ProcessBuilder, or copies of the native probe forked without exec) and the stack size asked for.
 */
final class ScaleClaims {
    private ScaleClaims() {
    }

    /** Explains a verdict from what ran: the result and the kind whose series answered. */
    @FunctionalInterface
    interface Cause {
        String explain(Verdict verdict, Environment environment, Ran ran);
    }

    /** The result that answered a claim and the kind whose slope it was. */
    record Ran(ScaleResult result, String kind) {
        boolean forked() {
            return kind.equals(ScaleConfig.FORKED);
        }

        /** "an idle 'sleep' child started by ProcessBuilder (POSIX_SPAWN)" or "an idle forked copy of the probe". */
        String process() {
            return forked() ? "idle copy of the native probe, forked without exec,"
                    : "idle 'sleep' child (started by ProcessBuilder through " + result.environment().launchMechanism()
                    + ", then exec'd into coreutils' sleep)";
        }

        long stackBytes() {
            return result.config().threadStackBytes();
        }

        String stackAskedFor() {
            return "this run asked for " + Units.format(stackBytes(), Unit.BYTES) + " per thread (--stack)";
        }
    }

    static final List<Claim> ALL = List.of(
            slope("thread-kernel", "a thread costs the kernel about 2–8 KB", 2, 8, Unit.KIBIBYTES,
                    List.of(ScaleConfig.PLATFORM), "KernelStack", (v, env, ran) -> v == Verdict.ABOVE
                            ? "x86-64 Linux gives every task a 16 KB kernel stack (since 3.15), before its task_struct;"
                            + " the lesson's figure is older"
                            : "other tasks on this machine ended while counting, which the machine-wide counter subtracts"),
            slope("process-kernel", "a process costs the kernel about 20–40 KB (page tables and kernel stack)", 20, 40,
                    Unit.KIBIBYTES, List.of(ScaleConfig.PROCESSES), "PageTables+KernelStack", (v, env, ran) -> v == Verdict.ABOVE
                            ? "each " + ran.process() + " has a 16 KB kernel stack and page tables of its own"
                            + (ran.forked() ? " copied from the probe's"
                            : ", and this JVM keeps a 'process reaper' thread per child whose kernel stack the"
                            + " machine-wide counter also holds: two kernel stacks per process")
                            : "the page tables of an " + ran.process() + " fit in a few pages, and other tasks that ended"
                            + " on this machine while counting are subtracted from the machine-wide counters"),
            taskStruct(),
            slope("process-virtual", "a minimal process maps 1–4 MB of virtual memory", 1, 4, Unit.MEBIBYTES,
                    List.of(ScaleConfig.FORKED, ScaleConfig.PROCESSES), "VmSize", (v, env, ran) -> v == Verdict.ABOVE
                            ? "VmSize counts every mapping, shared or not: each " + ran.process()
                            + (ran.forked() ? " keeps all of the probe's mappings (loader, C library, stack, heap)"
                            : " maps sleep, the C library, the locale archive and its own heap")
                            + ", which is more than the lesson's bare minimum"
                            : ran.forked() ? "a forked copy of a small program shares its parent's few mappings and maps nothing new"
                            : "an " + ran.process() + " maps less here than the lesson's minimal process: a small C"
                            + " library and no locale archive"));

    /**
     * "A thread's own kernel structure takes about 2 KB" is answered by that structure: the slab
     * object of task_struct on this kernel. It was answered by the KernelStack slope, which is the
     * 16 KB stack every task gets and not the structure the claim names.
     */
    private static Claim taskStruct() {
        return new Claim("thread-kernel-struct", "7. Resources and scale", "a thread's own kernel structure takes about 2 KB",
                new ClaimRange(1, 3, Unit.KIBIBYTES), "%scale",
                r -> r instanceof ScaleResult x ? objectBytes(x).stream().boxed().findFirst()
                        .map(b -> new Measurement(b, new Interval(b, b, 0.95), Unit.BYTES,
                                "slab object size of task_struct (" + x.kernelObjects().source() + ")"))
                        : Optional.empty(),
                (v, env, result) -> {
                    String size = Units.format(objectBytes((ScaleResult) result).orElseThrow(), Unit.BYTES);
                    return v == Verdict.ABOVE
                            ? "task_struct has grown with the kernel (it holds scheduler, memory, signal, accounting and"
                            + " security state); it is " + size + " on this kernel, besides the kernel stack every"
                            + " thread also gets (the KernelStack slope)"
                            : "this kernel is built with fewer options than a distribution kernel: its task_struct is " + size;
                });
    }

    private static java.util.OptionalLong objectBytes(ScaleResult r) {
        return r.kernelObjects().perEntity(ScaleConfig.PLATFORM);
    }

    /** A claim answered by the slope of {@code quantity} against count, from the first of {@code kinds} measured. */
    private static Claim slope(String id, String statement, double low, double high, Unit unit, List<String> kinds,
                               String quantity, Cause cause) {
        return new Claim(id, "7. Resources and scale", statement, new ClaimRange(low, high, unit), "%scale",
                r -> answeringKind(r, kinds, quantity).flatMap(k -> summed((ScaleResult) r, k, quantity))
                        .map(xy -> Measurement.slope(xy[0], xy[1], Unit.BYTES, "entity")),
                (v, env, result) -> cause.explain(v, env,
                        new Ran((ScaleResult) result, answeringKind(result, kinds, quantity).orElseThrow())));
    }

    /** The first of {@code kinds} whose series of {@code quantity} the result holds with enough counts. */
    private static Optional<String> answeringKind(Object result, List<String> kinds, String quantity) {
        return result instanceof ScaleResult x
                ? kinds.stream().filter(k -> summed(x, k, quantity).isPresent()).findFirst() : Optional.empty();
    }

    /** x and y of one kind, y summed over quantities joined by '+', e.g. "PageTables+KernelStack". */
    private static Optional<double[][]> summed(ScaleResult r, String kind, String quantities) {
        double[] x = null;
        double[] y = null;
        for (String q : quantities.split("\\+")) {
            Optional<Series> s = r.series().stream()
                    .filter(series -> series.kind().equals(kind) && series.quantity().equals(q) && series.x().length >= 3)
                    .findFirst();
            if (s.isEmpty()) {
                return Optional.empty();
            }
            x = s.get().x();
            double[] add = s.get().y();
            if (y == null) {
                y = add.clone();
            } else {
                for (int i = 0; i < y.length; i++) {
                    y[i] += add[i];
                }
            }
        }
        return Optional.of(new double[][] {x, y});
    }
}
