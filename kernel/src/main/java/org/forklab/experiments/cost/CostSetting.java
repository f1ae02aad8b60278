package org.forklab.experiments.cost;

import org.forklab.experiments.core.Setting;

/**
 * The settings a cost result records, by key: the writer and every reader name the same
 * constant, and the label (what displays and saved files show) is written once, here.
 */
public enum CostSetting implements Setting {
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

    /** The label in {@link CostResult#settings()}, as displays and saved files show it. */
    @Override
    public String label() {
        return label;
    }

    /** This setting's value in a cost result's settings, for a display: "not recorded" in a result built by hand without it. */
    public String in(CostResult r) {
        return r.settings().find(this).orElse("not recorded");
    }
}
