package org.forklab.experiments.c10k;

import org.forklab.experiments.core.Setting;

/**
 * The settings a C10k result records, by key: the writer and every reader name the same constant, and
 * the label (what displays and saved files show) is written once, here.
 */
public enum C10kSetting implements Setting {
    SERVERS("servers"),
    CLIENTS("clients"),
    ROUND_TRIPS("round trips per client"),
    MESSAGE_SIZE("message size (bytes)"),
    ADDRESS("address"),
    LOAD_GENERATOR("load generator"),
    SERVER_PROCESS("server process");

    private final String label;

    C10kSetting(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /** How one server handled its connections. */
    public static Setting mechanism(String server) {
        return Setting.derived(server);
    }

    /** Why a server was not measured. */
    public static Setting skipped(String server) {
        return Setting.derived(server + " skipped");
    }
}
