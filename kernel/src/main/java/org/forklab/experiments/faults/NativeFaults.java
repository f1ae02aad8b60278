package org.forklab.experiments.faults;

import org.forklab.experiments.sandbox.SandboxLimits;

/** Native faults (segfault, abort, C stack overflow), injected by the native probe. */
final class NativeFaults {
    private NativeFaults() {
    }

    static boolean available() {
        return false;
    }

    static String unavailableReason() {
        return "the native probe is not part of this build yet";
    }

    static FaultOutcome run(FaultKind kind, FaultMode mode, FaultConfig config, SandboxLimits limits) {
        throw new UnsupportedOperationException(unavailableReason());
    }
}
