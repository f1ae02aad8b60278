package org.forklab.experiments.core;

/**
 * A key of a result's {@link Settings}: the writer and every reader name the same key, and its
 * label (what displays and saved files show) is written once, where the key is declared. Each
 * experiment declares its keys as an enum; keys made at run time (one per transport or server
 * measured) come from that enum's factories, built with {@link #derived}.
 */
public interface Setting {

    /** The label displays and saved files show, e.g. "samples" or "time limit (s)". */
    String label();

    /** A key whose label depends on what was measured; call it only from an experiment's own key factory. */
    static Setting derived(String label) {
        return new Derived(label);
    }

    /** A key made at run time by an experiment's key factory. */
    record Derived(String label) implements Setting {
    }
}
