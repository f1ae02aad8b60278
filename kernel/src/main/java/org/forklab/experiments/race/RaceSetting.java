package org.forklab.experiments.race;

import org.forklab.experiments.core.Setting;

/**
 * The settings a race result records, by key: the writer and every reader name the same constant, and
 * the label (what displays and saved files show) is written once, here.
 */
public enum RaceSetting implements Setting {
    WORKERS("workers"),
    INCREMENTS("increments per worker"),
    TRIALS("trials"),
    VARIANTS("variants"),
    TIMING("timing"),
    JIT("jit"),
    NATIVE_BUILD("native build"),
    CHILD_JVM_HEAP("child jvm heap");

    private final String label;

    RaceSetting(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
