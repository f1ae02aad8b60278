package org.forklab.experiments.faults;

import org.forklab.experiments.core.Settings;
import org.forklab.experiments.core.Environment;

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

    public Settings settings() {
        Settings.Builder s = Settings.builder();
        s.put(FaultSetting.WORKERS, Integer.toString(config.workers()));
        s.put(FaultSetting.FAULTY_WORKER, Integer.toString(config.faultyWorker()));
        s.put(FaultSetting.KINDS, config.kinds().stream().map(FaultKind::word).collect(Collectors.joining(",")));
        s.put(FaultSetting.MODES, config.modes().stream().map(FaultMode::word).collect(Collectors.joining(",")));
        s.put(FaultSetting.WORK, config.work().toMillis() + " ms");
        s.put(FaultSetting.SANDBOX_HEAP, (config.sandbox().heapBytes() >> 20) + " MiB");
        s.put(FaultSetting.JAVA_SANDBOX, "child JVM (serial GC, C1), workers wait until the faulty one has ended");
        s.put(FaultSetting.NATIVE_SANDBOX, "the native probe: pthreads in the probe, or children it forks");
        return s.build();
    }

    public Optional<FaultOutcome> outcome(FaultKind kind, FaultMode mode) {
        return outcomes.stream().filter(o -> o.kind() == kind && o.mode() == mode).findFirst();
    }
}
