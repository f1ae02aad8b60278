package org.forklab.experiments.race;

import org.forklab.experiments.core.Environment;
import org.forklab.experiments.core.Measured;
import org.forklab.experiments.core.Samples;

import java.util.LinkedHashMap;
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
    public Map<String, String> settings() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("workers", Integer.toString(config.workers()));
        s.put("increments per worker", Long.toString(config.increments()));
        s.put("trials", Integer.toString(config.trials()));
        s.put("variants", config.variants().stream().map(RaceVariant::word).collect(Collectors.joining(",")));
        s.put("timing", "slowest worker's loop time / increments, in ns; the first trial is cold");
        s.put("jit", environment.jdk() + ": plain and volatile run compiled after warm-up; interpreted runs -Xint");
        s.put("native build", "gcc -O2 -pthread: native-plain may be folded into one add, native-volatile is not");
        s.put("child jvm heap", (config.sandbox().heapBytes() >> 20) + " MiB");
        return s;
    }

    @Override
    public List<Samples> samples() {
        return outcomes.stream().map(RaceOutcome::timing).toList();
    }

    public Optional<RaceOutcome> outcome(RaceVariant variant) {
        return outcomes.stream().filter(o -> o.variant() == variant).findFirst();
    }
}
