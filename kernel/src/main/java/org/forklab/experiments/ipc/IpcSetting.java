package org.forklab.experiments.ipc;

import org.forklab.experiments.core.Setting;

/**
 * The settings an IPC result records, by key: the writer and every reader name the same constant, and
 * the label (what displays and saved files show) is written once, here.
 */
public enum IpcSetting implements Setting {
    TRANSPORTS("transports"),
    PLACEMENTS("placements"),
    ORDER("order"),
    SIZES("sizes (bytes)"),
    LATENCY_SAMPLES("latency samples per size"),
    THROUGHPUT_SAMPLES("throughput samples per size"),
    TIME_LIMIT("time limit");

    private final String label;

    IpcSetting(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /** What carried the messages of one transport under one placement, e.g. ("pipe", "scheduler"). */
    public static Setting mechanism(String transport, String placement) {
        return Setting.derived(transport + ", " + placement);
    }
}
