package org.forklab.experiments.race;

import org.forklab.experiments.core.Settings;
import org.forklab.experiments.core.Environment;
import org.forklab.experiments.core.Measured;
import org.forklab.experiments.core.Samples;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * All variants of one race run.
 *
 * @param config      what was asked
 * @param environment where it ran
 * @param outcomes    one per variant that ran, in the order asked
 * @param skipped     variants that could not run here, each with its one-line reason
 */
public record RaceResult(RaceConfig config, Environment environment, List<RaceOutcome> outcomes,
                         Map<RaceVariant, String> skipped) implements Measured {

    public RaceResult {
        outcomes = List.copyOf(outcomes);
        skipped = Map.copyOf(skipped);
    }

    @Override
    public String experiment() {
        return "race";
    }

    @Override
    public Settings settings() {
        Settings.Builder s = Settings.builder();
        s.put(RaceSetting.WORKERS, Integer.toString(config.workers()));
        s.put(RaceSetting.INCREMENTS, Long.toString(config.increments()));
        s.put(RaceSetting.TRIALS, Integer.toString(config.trials()));
        s.put(RaceSetting.VARIANTS, config.variants().stream().map(RaceVariant::word).collect(Collectors.joining(",")));
        s.put(RaceSetting.TIMING, "slowest worker's loop time / increments, in ns; the first trial is cold");
        s.put(RaceSetting.JIT, environment.jdk() + ": plain and volatile run compiled after warm-up; interpreted runs -Xint");
        s.put(RaceSetting.NATIVE_BUILD, "gcc -O2 -pthread: native-plain may be folded into one add, native-volatile is not");
        s.put(RaceSetting.CHILD_JVM_HEAP, (config.sandbox().heapBytes() >> 20) + " MiB");
        return s.build();
    }

    @Override
    public List<Samples> samples() {
        return outcomes.stream().map(RaceOutcome::timing).toList();
    }

    public Optional<RaceOutcome> outcome(RaceVariant variant) {
        return outcomes.stream().filter(o -> o.variant() == variant).findFirst();
    }
}
