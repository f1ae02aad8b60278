package org.forklab.experiments.switching;

import org.forklab.experiments.core.Environment;
import org.forklab.experiments.core.Measured;
import org.forklab.experiments.core.Samples;
import org.forklab.experiments.core.Settings;
import org.forklab.stats.Quantiles;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Ping-pong round trips, one entry per run, never pooled: a statistics layer can compare the
 * per-run medians and flag bimodality (on a VM an unpinned pair may settle on one CPU in one
 * run and on two in the next).
 *
 * @param runs    every run, in the order run: round by round, each round every mode and placement once
 * @param skipped what could not run here, with the one-line reason
 */
public record SwitchResult(Environment environment, Settings settings, List<Run> runs,
                           List<Skipped> skipped) implements Measured {

    public SwitchResult {
        runs = List.copyOf(runs);
        skipped = List.copyOf(skipped);
    }

    /**
     * One fresh pair, measured.
     *
     * @param roundTrip        per-round-trip times in ns (each sample = batch time / round trips in the batch)
     * @param initiatorCpu     the CPU the initiating side was last seen on (-1 if unknown)
     * @param partnerCpu       the CPU the answering side was last seen on (-1 if unknown)
     * @param oneTask          the same one-byte traffic (or futex calls) done within one task, timed the same way,
     *                         its samples interleaved with the round trip's (native modes; empty for Java modes)
     * @param switchesPerRoundTrip context switches the kernel counted on both sides (voluntary and nonvoluntary,
     *                         /proc/.../status) per round trip over the run (native modes; empty when unknown)
     */
    public record Run(SwitchMode mode, Placement placement, int run, Samples roundTrip, int initiatorCpu, int partnerCpu,
                      Optional<Samples> oneTask, OptionalDouble switchesPerRoundTrip) {

        /** A run with round trips only (Java modes, or a result from before the one-task baseline). */
        public Run(SwitchMode mode, Placement placement, int run, Samples roundTrip, int initiatorCpu, int partnerCpu) {
            this(mode, placement, run, roundTrip, initiatorCpu, partnerCpu, Optional.empty(), OptionalDouble.empty());
        }

        /**
         * The lmbench estimate of one switch, sample by sample: (round trip − the same traffic in one task) / 2,
         * each round trip paired with the one-task sample taken right after it; empty without a baseline.
         * Below zero it is noise of the subtraction, kept as measured (a display shows it as such).
         */
        public Optional<Samples> switchEstimate() {
            return oneTask.map(one -> {
                double[] rt = roundTrip.values();
                double[] base = one.values();
                int n = Math.min(rt.length, base.length);
                double[] v = new double[n];
                for (int i = 0; i < n; i++) {
                    v[i] = (rt[i] - base[i]) / 2;
                }
                return new Samples(roundTrip.label().replace("round trip", "switch estimate ((round trip − one task) / 2)"),
                        roundTrip.unit(), v, new double[0], roundTrip.opsPerSample());
            });
        }

        /** The median switch estimate in ns, NaN without a baseline. */
        public double medianSwitchEstimateNs() {
            return switchEstimate().map(s -> Quantiles.median(s.values())).orElse(Double.NaN);
        }

        /** This run numbered as round {@code round} (0-based), for a caller that ran one round at a time. */
        public Run asRound(int round) {
            Samples relabelled = new Samples(SwitchExperiment.label(mode, placement, round), roundTrip.unit(),
                    roundTrip.values(), roundTrip.cold(), roundTrip.opsPerSample());
            Optional<Samples> one = oneTask.map(o -> new Samples(relabelled.label().replace("round trip", "one task"),
                    o.unit(), o.values(), o.cold(), o.opsPerSample()));
            return new Run(mode, placement, round, relabelled, initiatorCpu, partnerCpu, one, switchesPerRoundTrip);
        }

        /** The median round trip of this run, in ns. */
        public double medianRoundTripNs() {
            return Quantiles.median(roundTrip.values());
        }

        /** Half a round trip: the time per handoff (each round trip is two; a hand-off is more than a switch). */
        public double medianPerSwitchNs() {
            return medianRoundTripNs() / 2;
        }

        /** The same samples halved: the time per handoff. */
        public Samples perSwitch() {
            double[] v = roundTrip.values();
            double[] c = roundTrip.cold();
            for (int i = 0; i < v.length; i++) {
                v[i] /= 2;
            }
            for (int i = 0; i < c.length; i++) {
                c[i] /= 2;
            }
            return new Samples(roundTrip.label().replace("round trip", "per handoff (round trip / 2)"), roundTrip.unit(),
                    v, c, roundTrip.opsPerSample());
        }
    }

    /** A mode and placement not measured, and why. */
    public record Skipped(SwitchMode mode, Placement placement, String reason) {
    }

    @Override
    public String experiment() {
        return "switching";
    }

    /** Every run's round trips (the one-task baselines are in each run's {@link Run#oneTask}). */
    @Override
    public List<Samples> samples() {
        return runs.stream().map(Run::roundTrip).toList();
    }

    /** The runs of one mode and placement. */
    public List<Run> runsOf(SwitchMode mode, Placement placement) {
        return runs.stream().filter(r -> r.mode() == mode && r.placement() == placement).toList();
    }

    /** The round trip samples of one mode and placement, one array per round, in round order. */
    public double[][] rounds(SwitchMode mode, Placement placement) {
        return runsOf(mode, placement).stream().sorted(java.util.Comparator.comparingInt(Run::run))
                .map(r -> r.roundTrip().values()).toArray(double[][]::new);
    }

    /** Per-run median round trips of one mode and placement, in run order. */
    public double[] runMedians(SwitchMode mode, Placement placement) {
        return runsOf(mode, placement).stream().mapToDouble(Run::medianRoundTripNs).toArray();
    }
}
