package org.forklab.kernel;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Kills the processes a cell started when it is interrupted, and every descendant at shutdown:
 * a polite destroy first, then destroyForcibly for those that ignore it.
 */
final class ChildProcessGuard {
    private static final long POLITE_WAIT_MILLIS = 300;
    private static final long FORCED_WAIT_MILLIS = 2_000;

    /** Descendants alive when the running cell began (ProcessHandle equality includes start time). */
    private volatile Set<ProcessHandle> before = Set.of();

    void cellStarted() {
        before = ProcessHandle.current().descendants().collect(Collectors.toSet());
    }

    /** Kills the descendants that appeared since the cell began; returns how many there were. */
    int killStartedByCell() {
        Set<ProcessHandle> old = before;
        return kill(ProcessHandle.current().descendants().filter(p -> !old.contains(p)).collect(Collectors.toList()));
    }

    /** Kills every descendant of the kernel. */
    int killAll() {
        return kill(ProcessHandle.current().descendants().collect(Collectors.toList()));
    }

    /**
     * Deepest first, so a parent cannot restart what was just killed; the list is taken before any
     * kill, so grandchildren re-parented to init are still reached.
     */
    static int kill(List<ProcessHandle> processes) {
        if (processes.isEmpty()) {
            return 0;
        }
        List<ProcessHandle> order = processes.stream()
                .sorted(Comparator.comparingInt(ChildProcessGuard::depth).reversed())
                .collect(Collectors.toList());
        order.forEach(ProcessHandle::destroy);
        awaitExit(order, POLITE_WAIT_MILLIS);
        order.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        awaitExit(order, FORCED_WAIT_MILLIS);
        return processes.size();
    }

    private static int depth(ProcessHandle p) {
        int depth = 0;
        for (var parent = p.parent(); parent.isPresent() && depth < 64; parent = parent.get().parent()) {
            depth++;
        }
        return depth;
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
