package org.forklab.experiments.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The machine's load at the start and at the end of one run, so that a display can say when
 * the ground moved under the figures: a load average that changed during the run, or CPU time
 * stolen by the hypervisor.
 */
public record RunConditions(MachineLoad start, MachineLoad end) {
    /** A change of the 1-minute load average by this much (and by a quarter) counts as "moved". */
    public static final double LOAD_MOVED = 0.5;
    /** Steal above this share of CPU time counts as high. */
    public static final double HIGH_STEAL = 0.05;

    /** Reads the start now; {@link Started#finish} reads the end. */
    public static Started begin() {
        return new Started(MachineLoad.now());
    }

    /** A run under way. */
    public record Started(MachineLoad start) {
        public RunConditions finish() {
            return new RunConditions(start, MachineLoad.now());
        }
    }

    public boolean loadMoved() {
        double a = start.loadAverage1();
        double b = end.loadAverage1();
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return false;
        }
        double change = Math.abs(b - a);
        return change >= LOAD_MOVED && change >= 0.25 * Math.max(a, b);
    }

    public Optional<Double> stealShare() {
        return end.stealShareSince(start);
    }

    public boolean stealHigh() {
        return stealShare().map(s -> s > HIGH_STEAL).orElse(false);
    }

    /** "load average 0.52 → 0.61, CPU steal 0.0 % during the run", and what to make of it when it moved. */
    public String sentence() {
        List<String> parts = new ArrayList<>();
        if (!Double.isNaN(start.loadAverage1()) && !Double.isNaN(end.loadAverage1())) {
            parts.add(String.format(Locale.ROOT, "load average %.2f → %.2f", start.loadAverage1(), end.loadAverage1()));
        }
        stealShare().ifPresent(s -> parts.add(String.format(Locale.ROOT, "CPU steal %.1f %% during the run", 100 * s)));
        if (parts.isEmpty()) {
            return "load and steal could not be read here";
        }
        String text = String.join(", ", parts);
        List<String> warnings = new ArrayList<>();
        if (loadMoved()) {
            warnings.add("the load moved during the run, so figures taken early and late may differ for that alone");
        }
        if (stealHigh()) {
            warnings.add("the hypervisor took CPU time away (steal), which stretches every figure unevenly");
        }
        return warnings.isEmpty() ? text : text + ": " + String.join("; ", warnings);
    }
}
