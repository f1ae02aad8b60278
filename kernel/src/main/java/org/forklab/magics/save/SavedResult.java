package org.forklab.magics.save;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.forklab.experiments.core.Samples;
import org.forklab.experiments.core.Setting;

/**
 * A result as saved by {@code --save} and read back: enough to show it next to others
 * (settings, the machine, raw samples), though not the original typed record.
 *
 * @param name        what to call it in a comparison (the file name without .json, or a given label)
 * @param experiment  e.g. "cost"
 * @param source      the magic line that produced it
 * @param settings    the experiment's settings, label to value as the file holds them; read them by key with {@link #setting}
 * @param environment the machine, as name to value
 * @param samples     raw samples per condition, cold ones included
 */
public record SavedResult(String name, String experiment, String source, Map<String, String> settings,
                          Map<String, String> environment, List<Samples> samples) {

    public SavedResult {
        settings = Map.copyOf(settings);
        environment = Map.copyOf(environment);
        samples = List.copyOf(samples);
    }

    /** A setting as the file recorded it, by the key the live result is read with (e.g. CostSetting.SAMPLES). */
    public Optional<String> setting(Setting key) {
        return Optional.ofNullable(settings.get(key.label()));
    }

    /** One line naming the machine, e.g. "Intel Xeon, 2 CPUs, JDK 17.0.15". */
    public String machine() {
        return environment.getOrDefault("cpuModel", "?") + ", " + environment.getOrDefault("cpus", "?") + " CPUs, Linux "
                + environment.getOrDefault("kernelRelease", "?") + ", JDK " + environment.getOrDefault("jdk", "?");
    }
}
