package org.forklab.kernel;

import org.forklab.spi.ExtensionContext;
import org.forklab.spi.KernelExtension;
import org.forklab.spi.UsageError;

import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test extension found through META-INF/services on the test classpath (the Python protocol
 * tests load it too, with %classpath on the test classes): a greeting, and magics that fail or
 * block the way real magics can.
 */
public final class GreetingExtension implements KernelExtension {
    static final AtomicInteger REGISTRATIONS = new AtomicInteger();
    /** Released each time %nap starts sleeping, so a test interrupts a nap, not the run-up to one. */
    static final Semaphore NAPPING = new Semaphore(0);

    @Override
    public void register(ExtensionContext context) {
        REGISTRATIONS.incrementAndGet();
        context.magics().registerLineMagic("greet", args -> "hello " + String.join(" ", args));
        context.describeLineMagic("greet", "Say hello.");
        context.magics().registerLineMagic("refuse", args -> {
            throw new UsageError("%refuse: 'x' is not accepted; try 'y'");
        });
        context.describeLineMagic("refuse", "Always a usage error.");
        context.magics().registerLineMagic("boom", args -> {
            throw new IllegalStateException("the magic broke");
        });
        context.describeLineMagic("boom", "Always fails with an IllegalStateException.");
        context.magics().registerLineMagic("nap", args -> {
            System.out.println("napping");
            NAPPING.release();
            Thread.sleep(Long.parseLong(args.isEmpty() ? "600000" : args.get(0)));
            return "rested";
        });
        context.describeLineMagic("nap", "Sleeps (milliseconds, default ten minutes) until interrupted.");
    }
}
