package org.forklab.kernel;

import org.forklab.experiments.core.ProcessTree;

import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Kills the processes a cell started when it is interrupted, and every descendant at shutdown:
 * a polite SIGTERM first, so a child JVM may run its shutdown hooks, then {@link ProcessTree#kill}
 * (freeze, then kill deepest first) for whatever is left.
 */
final class ChildProcessGuard {
    private static final long POLITE_WAIT_MILLIS = 300;

    /** Descendants alive when the running cell began (ProcessHandle equality includes start time). */
    private volatile Set<ProcessHandle> before = Set.of();

    void cellStarted() {
        before = ProcessHandle.current().descendants().collect(Collectors.toSet());
    }

    /**
     * Kills the descendants that appeared since the cell began; returns how many there were.
     * One kill at a time: the interrupt's and the ended cell's may come from two threads at once,
     * and the second then finds only what the first left.
     */
    synchronized int killStartedByCell() {
        Set<ProcessHandle> old = before;
        return kill(p -> !old.contains(p));
    }

    /** Kills every descendant of the kernel. */
    synchronized int killAll() {
        return kill(p -> true);
    }

    private static int kill(Predicate<ProcessHandle> chosen) {
        List<ProcessHandle> found = ProcessHandle.current().descendants().filter(chosen).toList();
        if (found.isEmpty()) {
            return 0;
        }
        found.forEach(ProcessHandle::destroy);
        awaitExit(found, POLITE_WAIT_MILLIS);
        // Those found first stay on the list: one whose parent died at the SIGTERM is no longer below us.
        int forced = ProcessTree.kill(() -> Stream.concat(found.stream(),
                ProcessHandle.current().descendants().filter(chosen)));
        return Math.max(found.size(), forced);
    }

    private static void awaitExit(List<ProcessHandle> processes, long millis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        for (ProcessHandle p : processes) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            try {
                p.onExit().get(left, TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
