package org.forklab.experiments.scale;

import org.forklab.experiments.core.Setting;

/**
 * The settings a scale result records, by key: the writer and every reader name the same constant, and
 * the label (what displays and saved files show) is written once, here.
 */
public enum ScaleSetting implements Setting {
    KINDS("kinds"),
    THREAD_COUNTS("platform thread counts"),
    VIRTUAL_COUNTS("virtual thread counts"),
    PROCESS_COUNTS("process counts"),
    THREAD_STACK("thread stack"),
    CAPS("caps"),
    LIMITS("limits");

    private final String label;

    ScaleSetting(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /** How entities of one kind were made, e.g. for "platform-threads". */
    public static Setting mechanism(String kind) {
        return Setting.derived(kind);
    }

    /** Why a kind was not measured. */
    public static Setting skipped(String kind) {
        return Setting.derived(kind + " skipped");
    }

    /** The kernel's own objects per entity, read from {@code source}. */
    public static Setting kernelObjects(String source) {
        return Setting.derived("kernel objects (" + source + ")");
    }
}
