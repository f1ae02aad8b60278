package org.forklab.spi;

/**
 * A bundle of magics (or other additions) that a kernel loads. The forklab kernel finds
 * implementations with {@link java.util.ServiceLoader} at start and again whenever
 * {@code %classpath}, {@code %jars} or {@code %maven} add jars; each class is registered once.
 */
public interface KernelExtension {

    /** Registers this extension's magics and renderers with the host. */
    void register(ExtensionContext context);
}
