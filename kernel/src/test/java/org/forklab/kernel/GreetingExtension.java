package org.forklab.kernel;

import org.forklab.spi.ExtensionContext;
import org.forklab.spi.KernelExtension;

import java.util.concurrent.atomic.AtomicInteger;

/** A test extension found through META-INF/services on the test classpath. */
public final class GreetingExtension implements KernelExtension {
    static final AtomicInteger REGISTRATIONS = new AtomicInteger();

    @Override
    public void register(ExtensionContext context) {
        REGISTRATIONS.incrementAndGet();
        context.magics().registerLineMagic("greet", args -> "hello " + String.join(" ", args));
        context.describeLineMagic("greet", "Say hello.");
    }
}
