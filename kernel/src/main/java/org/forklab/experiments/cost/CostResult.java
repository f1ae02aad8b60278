package org.forklab.experiments.cost;

import org.forklab.experiments.core.Environment;
import org.forklab.experiments.core.Measured;
import org.forklab.experiments.core.Samples;
import org.forklab.experiments.core.Settings;
import org.forklab.stats.Quantiles;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What creating work cost, per mechanism, with the raw samples.
 *
 * @param variants        one entry per variant measured, in the configured order; a Java variant measured in
 *                        child JVMs keeps each JVM's samples apart (see {@link VariantSamples#forks()})
 * @param forkSweep       fork cost after the parent touched memory, per size and page kind
 * @param launchMechanisms ProcessBuilder cost per JDK launch mechanism, each in its own child JVM
 * @param skipped         what could not run here and the one-line reason (no probe, no virtual threads, no THP)
 */
public record CostResult(Environment environment, Settings settings, List<VariantSamples> variants,
                         List<ForkPoint> forkSweep, List<LaunchRun> launchMechanisms, List<Skipped> skipped)
        implements Measured {

    public CostResult {
        variants = List.copyOf(variants);
        forkSweep = List.copyOf(forkSweep);
        launchMechanisms = List.copyOf(launchMechanisms);
        skipped = List.copyOf(skipped);
    }

    /**
     * One mechanism's samples.
     *
     * @param samples in this JVM or the probe: its samples; in child JVMs: every JVM's samples pooled, in JVM order,
     *                under a label that says so (the summary row), with each JVM's own samples in {@code forks}
     * @param cpu     the CPU the measuring thread was on when its samples ended (-1 unknown, or not the same in
     *                every child JVM); under one-cpu placement, the pinned CPU
     * @param forks   one entry per child JVM, in the order they ran; empty when measured here or in the probe
     */
    public record VariantSamples(CostVariant variant, Samples samples, int cpu, List<ForkRun> forks) {

        public VariantSamples {
            forks = List.copyOf(forks);
        }

        /** Measured here or by the probe, not in child JVMs. */
        public VariantSamples(CostVariant variant, Samples samples, int cpu) {
            this(variant, samples, cpu, List.of());
        }

        /** Measured here or by the probe, on a CPU not recorded (results built by hand, older saves). */
        public VariantSamples(CostVariant variant, Samples samples) {
            this(variant, samples, -1);
        }

        /** The child JVMs' samples pooled for one summary row, each JVM's kept beside them. */
        static VariantSamples pooled(CostVariant variant, String label, List<ForkRun> forks) {
            double[] values = forks.stream().flatMapToDouble(f -> Arrays.stream(f.samples().values())).toArray();
            double[] cold = forks.stream().flatMapToDouble(f -> Arrays.stream(f.samples().cold())).toArray();
            // A batch size common to every JVM describes the pool; mixed ones are told per JVM.
            int ops = forks.stream().mapToInt(f -> f.samples().opsPerSample()).distinct().count() == 1
                    ? forks.get(0).samples().opsPerSample() : 1;
            int cpu = forks.stream().mapToInt(ForkRun::cpu).distinct().count() == 1 ? forks.get(0).cpu() : -1;
            return new VariantSamples(variant, new Samples(label, forks.get(0).samples().unit(), values, cold, ops), cpu, forks);
        }

        /** The median of each child JVM's samples, in JVM order (empty when not measured in child JVMs). */
        public double[] forkMedians() {
            return forks.stream().mapToDouble(ForkRun::median).toArray();
        }
    }

    /**
     * One child JVM's measurement of one variant.
     *
     * @param fork        1 for the first child JVM, 2 for the next, ...
     * @param pid         the child JVM's process id
     * @param cpu         the CPU its measuring thread was on when the samples ended (-1 unknown)
     * @param cpusAllowed the CPUs it was allowed (Cpus_allowed_list), e.g. "0" when pinned
     */
    public record ForkRun(int fork, long pid, int cpu, String cpusAllowed, Samples samples) {

        /** The median of this JVM's warm samples (R-7, the estimator forklab's statistics use). */
        public double median() {
            return Quantiles.median(samples.values());
        }
    }

    /**
     * Fork after touching memory.
     *
     * @param touchBytes    bytes the parent wrote before forking
     * @param pages         the page kind asked for
     * @param anonHugeBytes how much of the parent really sat on huge pages (AnonHugePages), -1 if unknown
     * @param samples       fork+_exit+waitpid, whole
     * @param forkCall      the parent's fork() call alone, timed inside the same forks as {@code samples}, sample by
     *                      sample (the child's exit, which tears the copied page tables down, and the reaping are the rest)
     */
    public record ForkPoint(long touchBytes, PageKind pages, long anonHugeBytes, Samples samples, Samples forkCall) {
    }

    /**
     * ProcessBuilder under one launch mechanism, measured in a child JVM.
     *
     * @param warning     the JDK's first line of warning when it ran but warned (e.g. VFORK deprecated)
     * @param unavailable why it could not run (unsupported by this JDK), when it could not
     */
    public record LaunchRun(String mechanism, Optional<Samples> samples, Optional<String> warning,
                            Optional<String> unavailable) {
    }

    /** A condition not measured, and why, in one line. */
    public record Skipped(String label, String reason) {
    }

    @Override
    public String experiment() {
        return "cost";
    }

    /**
     * Every sample once, for saving and comparing: a variant measured in child JVMs gives each JVM's
     * own samples rather than the pool, so no value is written twice and no JVM is hidden in another.
     */
    @Override
    public List<Samples> samples() {
        List<Samples> all = new ArrayList<>();
        variants.forEach(v -> {
            if (v.forks().isEmpty()) {
                all.add(v.samples());
            } else {
                v.forks().forEach(f -> all.add(f.samples()));
            }
        });
        forkSweep.forEach(p -> {
            all.add(p.samples());
            all.add(p.forkCall());
        });
        launchMechanisms.forEach(l -> l.samples().ifPresent(all::add));
        return all;
    }

    /** The samples of one variant, if it was measured (pooled when it ran in child JVMs). */
    public Optional<Samples> of(CostVariant variant) {
        return variants.stream().filter(v -> v.variant() == variant).map(VariantSamples::samples).findFirst();
    }
}
