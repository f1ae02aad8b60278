package org.forklab.experiments.core;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Optional;

/**
 * Virtual threads without compiling against JDK 21: forklab is Java 17 bytecode, so the API is
 * found at run time and its absence is reported in one line rather than failing to load.
 */
public final class VirtualThreads {
    private static final Optional<MethodHandle> START_VIRTUAL = find();

    private VirtualThreads() {
    }

    public static boolean available() {
        return START_VIRTUAL.isPresent();
    }

    /** Why virtual-thread variants cannot run here, in one line. */
    public static String unavailableReason() {
        return "virtual threads need JDK 21 or later; this kernel runs on JDK " + Runtime.version().feature();
    }

    /** Starts {@code task} on a new virtual thread (Thread.startVirtualThread). */
    public static Thread start(Runnable task) {
        MethodHandle handle = START_VIRTUAL.orElseThrow(() -> new UnsupportedOperationException(unavailableReason()));
        try {
            return (Thread) handle.invokeExact(task);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    private static Optional<MethodHandle> find() {
        try {
            return Optional.of(MethodHandles.publicLookup().findStatic(Thread.class, "startVirtualThread",
                    MethodType.methodType(Thread.class, Runnable.class)));
        } catch (NoSuchMethodException | IllegalAccessException e) {
            return Optional.empty();
        }
    }
}
