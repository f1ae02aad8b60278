package org.forklab.experiments.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a result was configured with, read by {@link Setting} key, in the order the experiment
 * put them. Displays and saved files see the labels ({@link #byLabel()}); code reads by key.
 */
public final class Settings {
    private static final Settings NONE = new Settings(Map.of());

    private final Map<String, String> byLabel;

    private Settings(Map<String, String> byLabel) {
        this.byLabel = Collections.unmodifiableMap(new LinkedHashMap<>(byLabel));
    }

    /** No settings (results built by hand). */
    public static Settings none() {
        return NONE;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The value of {@code key}, if this result recorded it. */
    public Optional<String> find(Setting key) {
        return Optional.ofNullable(byLabel.get(key.label()));
    }

    /** The value of {@code key}; refused when this result did not record it. */
    public String get(Setting key) {
        return find(key).orElseThrow(() -> new IllegalArgumentException("this result records no setting '"
                + key.label() + "'; it has " + String.join(", ", byLabel.keySet())));
    }

    /** Label to value, in order: what displays and saved files show. */
    public Map<String, String> byLabel() {
        return byLabel;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Settings s && byLabel.equals(s.byLabel);
    }

    @Override
    public int hashCode() {
        return byLabel.hashCode();
    }

    @Override
    public String toString() {
        return byLabel.toString();
    }

    /** Settings in the order they are put; a key put twice keeps its first place and its last value. */
    public static final class Builder {
        private final Map<String, String> byLabel = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder put(Setting key, String value) {
            byLabel.put(key.label(), value);
            return this;
        }

        public Settings build() {
            return new Settings(byLabel);
        }
    }
}
