package org.forklab.experiments.faults;

import org.forklab.experiments.core.Environment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * All faults of one run. Not timed, so not a Measured; it still carries its environment and
 * settings for display and saving.
 *
 * @param skipped kind/mode pairs that could not run here (e.g. "segfault/threads"), each with
 *                its one-line reason
 */
public record FaultResult(FaultConfig config, Environment environment, List<FaultOutcome> outcomes,
                          Map<String, String> skipped) {

    public FaultResult {
        outcomes = List.copyOf(outcomes);
        skipped = Map.copyOf(skipped);
    }

    public String experiment() {
        return "faults";
    }

    public Map<String, String> settings() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("workers", Integer.toString(config.workers()));
        s.put("faulty worker", Integer.toString(config.faultyWorker()));
        s.put("kinds", config.kinds().stream().map(FaultKind::word).collect(Collectors.joining(",")));
        s.put("modes", config.modes().stream().map(FaultMode::word).collect(Collectors.joining(",")));
        s.put("work per healthy worker", config.work().toMillis() + " ms");
        s.put("sandbox heap", (config.sandbox().heapBytes() >> 20) + " MiB");
        s.put("java sandbox", "child JVM (serial GC, C1), workers wait until the faulty one has ended");
        s.put("native sandbox", "the native probe: pthreads in the probe, or children it forks");
        return s;
    }

    public Optional<FaultOutcome> outcome(FaultKind kind, FaultMode mode) {
        return outcomes.stream().filter(o -> o.kind() == kind && o.mode() == mode).findFirst();
    }
}
