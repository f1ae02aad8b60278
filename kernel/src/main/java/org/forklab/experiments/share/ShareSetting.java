package org.forklab.experiments.share;

import org.forklab.experiments.core.Setting;

/**
 * The settings a share result records, by key: the writer and every reader name the same constant, and
 * the label (what displays and saved files show) is written once, here.
 */
public enum ShareSetting implements Setting {
    WORKERS("workers"),
    THREADS("threads"),
    PROCESSES("processes"),
    IDS("ids");

    private final String label;

    ShareSetting(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
