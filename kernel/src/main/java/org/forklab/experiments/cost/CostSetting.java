package org.forklab.experiments.cost;

import java.util.Map;

/**
 * The settings a cost result records, by key: the writer and every reader name the same
 * constant, and the label (what displays and saved files show) is written once, here.
 */
public enum CostSetting {
    VARIANTS("variants"),
    SAMPLES("samples"),
    COLD_OPERATIONS("cold operations"),
    WARMUP_OPERATIONS("warm-up operations"),
    EXECUTOR_THREADS("executor threads"),
    THROUGHPUT_BATCH("throughput batch"),
    EXEC("exec"),
    LAUNCH_MECHANISM("launch mechanism"),
    COMPARED_LAUNCH_MECHANISMS("compared launch mechanisms"),
    FORK_MEMORY("fork memory (bytes)"),
    FORK_PAGES("fork pages"),
    TRANSPARENT_HUGE_PAGES("transparent huge pages"),
    PLACEMENT("placement"),
    /** The CPU both sides were pinned to, or "none". */
    PINNED_CPU("pinned CPU"),
    FORKS("forks"),
    /** "this JVM", or how many fresh child JVMs and how they were started. */
    JAVA_VENUE("Java variants measured in"),
    NATIVE_PROBE("native probe"),
    TIME_LIMIT("time limit (s)");

    private final String label;

    CostSetting(String label) {
        this.label = label;
    }

    /** The key in {@link CostResult#settings()}, as displays and saved files show it. */
    public String label() {
        return label;
    }

    void put(Map<String, String> settings, String value) {
        settings.put(label, value);
    }

    /** This setting's value in a cost result's settings. */
    public String in(CostResult r) {
        return r.settings().get(label);
    }
}
