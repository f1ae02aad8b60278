package org.forklab.experiments.ipc;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Test helper: threads started since a snapshot that are still alive, ignoring the threads the
 * JDK starts on first use and keeps for the life of the JVM (process reaper, common pool,
 * cleaner, the virtual-thread unparker and unblocker, the completion delay scheduler).
 */
public final class LeftoverThreads {
    private LeftoverThreads() {
    }

    public static Set<Thread> live() {
        return new HashSet<>(Thread.getAllStackTraces().keySet());
    }

    /** Live threads absent from {@code before}, after giving exiting threads a moment. */
    public static Set<Thread> startedSince(Set<Thread> before) throws InterruptedException {
        Set<Thread> now = Set.of();
        for (int i = 0; i < 50; i++) {
            now = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> !before.contains(t) && t.isAlive())
                    .filter(t -> !isJvmOwn(t))
                    .collect(Collectors.toSet());
            if (now.isEmpty()) {
                return now;
            }
            Thread.sleep(20);
        }
        return now;
    }

    /** Threads the JDK starts on demand and keeps (process reaper, common pool, cleaners, attach). */
    private static boolean isJvmOwn(Thread t) {
        String n = t.getName();
        return n.startsWith("process reaper") || n.startsWith("ForkJoinPool") || n.startsWith("Common-Cleaner")
                || n.startsWith("Attach Listener") || n.startsWith("Notification Thread") || n.equals("Signal Dispatcher")
                || n.startsWith("surefire") || t.getThreadGroup() == null
                || "system".equals(t.getThreadGroup() == null ? null : t.getThreadGroup().getName())
                || n.equals("CompletableFutureDelayScheduler") || n.startsWith("VirtualThread-")
                || (t.getThreadGroup() != null && t.getThreadGroup().getName().equals("InnocuousThreadGroup")) || n.startsWith("Read-Poller") || n.startsWith("Write-Poller");
    }
}
