package org.forklab.magics.view;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.forklab.magics.io.Bundle;
import org.forklab.magics.readings.Readings;

/**
 * How each result type is shown, registered by its magic (rendering by registration, as in
 * basekernel's Renderer), so the facade's Lab.show gives the same bundle as the magic, reading first.
 */
public final class Views {
    private static final Map<Class<?>, Function<Object, Bundle>> BY_TYPE = new ConcurrentHashMap<>();

    private Views() {
    }

    public static <T> void register(Class<T> type, Function<? super T, Bundle> view) {
        BY_TYPE.put(type, result -> view.apply(type.cast(result)));
    }

    /** The view of {@code result}'s class, or of the nearest registered supertype. */
    public static Optional<Bundle> of(Object result) {
        for (Class<?> c = result.getClass(); c != null; c = c.getSuperclass()) {
            Function<Object, Bundle> view = BY_TYPE.get(c);
            if (view != null) {
                return Optional.of(Readings.first(result, view.apply(result)));
            }
        }
        for (Map.Entry<Class<?>, Function<Object, Bundle>> e : BY_TYPE.entrySet()) {
            if (e.getKey().isInstance(result)) {
                return Optional.of(Readings.first(result, e.getValue().apply(result)));
            }
        }
        return Optional.empty();
    }
}
