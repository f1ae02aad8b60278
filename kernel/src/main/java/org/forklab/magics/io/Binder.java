package org.forklab.magics.io;

/** Makes a value visible to later Java cells under a name (ExtensionContext::bind fits). */
@FunctionalInterface
public interface Binder {
    /** Returns false where the host can only keep it in {@link org.forklab.spi.Results}. */
    boolean bind(String name, Class<?> type, Object value);
}
