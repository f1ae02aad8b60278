package org.forklab.experiments.cost;

import org.forklab.experiments.core.Environment;
import org.forklab.experiments.core.Measured;
import org.forklab.experiments.core.Samples;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What creating work cost, per mechanism, with the raw samples.
 *
 * @param variants        one entry per variant measured, in the configured order
 * @param forkSweep       fork cost after the parent touched memory, per size and page kind
 * @param launchMechanisms ProcessBuilder cost per JDK launch mechanism, each in its own child JVM
 * @param skipped         what could not run here and the one-line reason (no probe, no virtual threads, no THP)
 */
public record CostResult(Environment environment, Map<String, String> settings, List<VariantSamples> variants,
                         List<ForkPoint> forkSweep, List<LaunchRun> launchMechanisms, List<Skipped> skipped)
        implements Measured {

    public CostResult {
        settings = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(settings));
        variants = List.copyOf(variants);
        forkSweep = List.copyOf(forkSweep);
        launchMechanisms = List.copyOf(launchMechanisms);
        skipped = List.copyOf(skipped);
    }

    /** One mechanism's samples. */
    public record VariantSamples(CostVariant variant, Samples samples) {
    }

    /**
     * Fork after touching memory.
     *
     * @param touchBytes    bytes the parent wrote before forking
     * @param pages         the page kind asked for
     * @param anonHugeBytes how much of the parent really sat on huge pages (AnonHugePages), -1 if unknown
     * @param samples       fork+_exit+waitpid, whole
     * @param forkCall      the parent's fork() call alone (the child's exit tears the copied page tables down)
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

    @Override
    public Map<String, String> settings() {
        return settings;
    }

    @Override
    public List<Samples> samples() {
        List<Samples> all = new ArrayList<>();
        variants.forEach(v -> all.add(v.samples()));
        forkSweep.forEach(p -> {
            all.add(p.samples());
            all.add(p.forkCall());
        });
        launchMechanisms.forEach(l -> l.samples().ifPresent(all::add));
        return all;
    }

    /** The samples of one variant, if it was measured. */
    public Optional<Samples> of(CostVariant variant) {
        return variants.stream().filter(v -> v.variant() == variant).map(VariantSamples::samples).findFirst();
    }
}
