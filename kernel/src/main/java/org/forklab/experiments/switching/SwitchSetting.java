package org.forklab.experiments.switching;

import org.forklab.experiments.core.Setting;

/**
 * The settings a ping-pong result records, by key: the writer and every reader name the same constant, and
 * the label (what displays and saved files show) is written once, here.
 */
public enum SwitchSetting implements Setting {
    MODES("modes"),
    PLACEMENTS("placements"),
    RUNS("runs"),
    SAMPLES_PER_RUN("samples per run"),
    WARMUP_ROUND_TRIPS("warm-up round trips"),
    COLD_ROUND_TRIPS("cold round trips"),
    ROUND_TRIPS_PER_SAMPLE("round trips per sample"),
    CPUS_ALLOWED("CPUs allowed"),
    SAME_CPU_PLACEMENT("same-cpu placement"),
    TWO_CPUS_PLACEMENT("two-cpus placement"),
    SCHEDULER_PLACEMENT("scheduler placement"),
    NATIVE_PINNING("native pinning"),
    JAVA_PINNING("java pinning"),
    NATIVE_PROBE("native probe"),
    TIME_LIMIT("time limit (s)");

    private final String label;

    SwitchSetting(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
