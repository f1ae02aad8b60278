package org.forklab.kernel.eval;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Holds JShell's stop back while a cell's thread is starting a process.
 *
 * <p>Why: on JDK 17 JShell stops a cell with ThreadGroup.stop, and the ThreadDeath is raised the
 * moment the thread next returns to Java code. A stop that arrives while the thread waits in
 * ProcessImpl's native fork (long under load: the parent waits for the child's exec) is raised as
 * fork returns, inside ProcessImpl's constructor, before the JVM's reaper for the new pid is set
 * up. Nothing then ever waits for that child: killed, it stays a zombie of the kernel for good
 * (seen under load, as the interrupt test's {@code sleep} that still looked alive). Waiting until
 * the thread is out of process creation (it is then registered, and the stop lands in the
 * cell's own code or in waitFor) closes that window; the wait is bounded, as a fork does not
 * block for long. Newer JDKs stop cells by a flag their code checks, which never fires inside
 * ProcessImpl, so the fence there just finds no thread inside.
 */
final class ProcessStartFence {
    /** JShell's local engine runs a cell, and the threads it starts, in a thread group of this name. */
    static final String CELL_THREAD_GROUP = "JShell process local execution";
    private static final long MAX_WAIT_NANOS = TimeUnit.SECONDS.toNanos(5);

    private ProcessStartFence() {
    }

    /** Waits, at most a few seconds, until no thread running {@code cellLoader}'s cells is starting a process. */
    static void awaitNoProcessStarting(ClassLoader cellLoader) {
        long end = System.nanoTime() + MAX_WAIT_NANOS;
        boolean interrupted = false;
        try {
            while (System.nanoTime() < end && anyStarting(Thread.getAllStackTraces(), cellLoader)) {
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    interrupted = true; // the stop must go on all the same
                }
            }
        } catch (OutOfMemoryError e) {
            // The heap watchdog stops a cell that filled the heap: no room to look, so stop at once.
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    static boolean anyStarting(Map<Thread, StackTraceElement[]> stacks, ClassLoader cellLoader) {
        return stacks.entrySet().stream()
                .filter(e -> isCellThread(e.getKey(), cellLoader))
                .anyMatch(e -> startingProcess(List.of(e.getValue())));
    }

    private static boolean isCellThread(Thread t, ClassLoader cellLoader) {
        ThreadGroup group = t.getThreadGroup();
        return group != null && group.getName().equals(CELL_THREAD_GROUP) && t.getContextClassLoader() == cellLoader;
    }

    /** In ProcessImpl's start or constructor: forking, or not yet handed to the reaper. */
    static boolean startingProcess(List<StackTraceElement> stack) {
        return stack.stream().anyMatch(f -> f.getClassName().equals("java.lang.ProcessImpl")
                && (f.getMethodName().equals("start") || f.getMethodName().equals("<init>")));
    }
}
