package org.forklab.spi;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Results that magics saved under a name ({@code --as r}). Every host can reach them from a Java
 * cell with {@code Results.get("r")}; the forklab kernel also binds them as typed variables.
 */
public final class Results {
    private static final Map<String, Object> BY_NAME = new ConcurrentHashMap<>();

    private Results() {
    }

    public static void put(String name, Object value) {
        BY_NAME.put(name, value);
    }

    /** The value saved under {@code name}, cast by the caller's context. */
    @SuppressWarnings("unchecked")
    public static <T> T get(String name) {
        Object value = BY_NAME.get(name);
        if (value == null) {
            throw new IllegalArgumentException("no result is saved as '" + name + "'; saved: " + BY_NAME.keySet());
        }
        return (T) value;
    }

    public static Optional<Object> find(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }
}
