package org.forklab.experiments.faults;

import org.forklab.experiments.core.Setting;

/**
 * The settings a faults result records, by key: the writer and every reader name the same constant, and
 * the label (what displays and saved files show) is written once, here.
 */
public enum FaultSetting implements Setting {
    WORKERS("workers"),
    FAULTY_WORKER("faulty worker"),
    KINDS("kinds"),
    MODES("modes"),
    WORK("work per healthy worker"),
    SANDBOX_HEAP("sandbox heap"),
    JAVA_SANDBOX("java sandbox"),
    NATIVE_SANDBOX("native sandbox");

    private final String label;

    FaultSetting(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
