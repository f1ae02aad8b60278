package org.forklab.magics.claims;

import java.io.IOException;
import java.util.Optional;
import org.forklab.experiments.scale.NativeStacks;

/**
 * The native stacks that answer the stack claims, measured by the C probe the first time %claims
 * asks and kept for the kernel's life (they follow RLIMIT_STACK, which a running kernel keeps).
 */
public final class NativeStacksNow {
    private static volatile NativeStacks measured;
    private static volatile String failure;

    private NativeStacksNow() {
    }

    /** The measurement, or empty when the probe is unavailable or failed (then {@link #why()} says so). */
    public static synchronized Optional<NativeStacks> measure() {
        if (measured == null && failure == null) {
            Optional<String> unavailable = NativeStacks.unavailableReason();
            if (unavailable.isPresent()) {
                failure = unavailable.get();
            } else {
                try {
                    measured = NativeStacks.measure(NativeStacks.THREADS);
                } catch (IOException | RuntimeException e) {
                    failure = "the C probe's stacks run failed: " + e.getMessage();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return Optional.empty(); // not kept: a later %claims tries again
                }
            }
        }
        return Optional.ofNullable(measured);
    }

    /** Why the stack claims have no measurement, if they have none. */
    public static Optional<String> why() {
        return Optional.ofNullable(failure);
    }
}
