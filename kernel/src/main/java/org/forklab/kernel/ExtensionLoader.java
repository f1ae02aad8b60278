package org.forklab.kernel;

import org.forklab.spi.ExtensionContext;
import org.forklab.spi.KernelExtension;

import java.util.HashSet;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Finds {@link KernelExtension}s with {@link ServiceLoader} and registers each implementation
 * class once, however often the classpath grows.
 */
final class ExtensionLoader {
    private static final Logger LOG = Logger.getLogger(ExtensionLoader.class.getName());

    private final ExtensionContext context;
    private final Set<String> registered = new HashSet<>();

    ExtensionLoader(ExtensionContext context) {
        this.context = context;
    }

    /** Registers the extensions visible through {@code loader} not registered yet; returns their names. */
    synchronized Set<String> scan(ClassLoader loader) {
        Set<String> added = new HashSet<>();
        ServiceLoader<KernelExtension> services = ServiceLoader.load(KernelExtension.class, loader);
        try {
            services.stream().forEach(provider -> {
                String name = provider.type().getName();
                if (registered.add(name)) {
                    try {
                        provider.get().register(context);
                        added.add(name);
                    } catch (RuntimeException | ServiceConfigurationError | LinkageError e) {
                        // One broken extension must not take the kernel or the other extensions down.
                        System.err.println("forklab: extension " + name + " failed to load: " + e);
                        LOG.log(Level.WARNING, "extension " + name + " failed", e);
                    }
                }
            });
        } catch (ServiceConfigurationError e) {
            System.err.println("forklab: a kernel extension is declared but cannot load: " + e.getMessage());
        }
        return added;
    }

    synchronized Set<String> registered() {
        return Set.copyOf(registered);
    }
}
