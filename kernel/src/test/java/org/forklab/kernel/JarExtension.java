package org.forklab.kernel;

import org.forklab.spi.ExtensionContext;
import org.forklab.spi.KernelExtension;

import java.util.concurrent.atomic.AtomicInteger;

/** A test extension declared only in a jar the test builds and adds with %jars. */
public final class JarExtension implements KernelExtension {
    static final AtomicInteger REGISTRATIONS = new AtomicInteger();

    @Override
    public void register(ExtensionContext context) {
        REGISTRATIONS.incrementAndGet();
        context.magics().registerLineMagic("fromjar", args -> "from a jar");
        context.describeLineMagic("fromjar", "Prove the jar's extension loaded.");
        context.bind("jarList", java.util.ArrayList.class, new java.util.ArrayList<>(java.util.List.of("x", "y")));
    }
}
