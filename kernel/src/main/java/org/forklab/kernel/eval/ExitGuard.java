package org.forklab.kernel.eval;

/**
 * What cell classes call instead of the JVM's exits; {@link ExitCallRewriter} points their
 * bytecode here. Public because classes in another loader (the cells') call it.
 */
public final class ExitGuard {
    private ExitGuard() {
    }

    /** Replaces {@code System.exit(status)}. */
    public static void systemExit(int status) {
        throw new ExitRefusedException("System.exit", status);
    }

    /** Replaces {@code runtime.exit(status)}; the receiver stays on the stack, so it is a parameter. */
    public static void runtimeExit(Runtime runtime, int status) {
        throw new ExitRefusedException("Runtime.getRuntime().exit", status);
    }

    /** Replaces {@code runtime.halt(status)}. */
    public static void runtimeHalt(Runtime runtime, int status) {
        throw new ExitRefusedException("Runtime.getRuntime().halt", status);
    }
}
