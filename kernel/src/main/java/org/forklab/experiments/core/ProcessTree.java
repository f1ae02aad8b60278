package org.forklab.experiments.core;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * What runs below this JVM, and the one way this project ends a tree of processes.
 *
 * <p>Why freeze first: killing a parent before its children lets the kernel hand those children
 * to init, after which they are no longer below us and no snapshot finds them; killing children
 * first leaves the parent running, free to fork again between the snapshot and its own kill.
 * A stopped process cannot fork (a fork that races the stop either completes before it, and its
 * child shows in the next snapshot, or is cancelled by the kernel), so the tree is stopped top
 * down from fresh snapshots until one shows nothing new, then killed deepest first: each child
 * dies while its frozen parent still holds it, and nothing is re-parented alive. Java can send
 * only SIGTERM and SIGKILL, so the stop goes through procps {@code kill -STOP} (no shell; its
 * arguments are pids). Where that cannot start (no kill program, a full process table), the
 * kill repeats deepest first from fresh snapshots until none remains.
 */
public final class ProcessTree {
    private static final Optional<Path> KILL = Programs.onPath("kill");
    private static final int MAX_ROUNDS = 50;
    private static final long WAIT_NANOS = TimeUnit.SECONDS.toNanos(2);

    private ProcessTree() {
    }

    /** Live descendants of this JVM, children and their children. */
    public static List<ProcessHandle> descendants() {
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList();
    }

    /** Zombie children of this JVM (exited, not yet reaped), read from /proc. */
    public static List<Long> zombieChildren() {
        long me = ProcessHandle.current().pid();
        return ProcessHandle.allProcesses()
                .filter(p -> p.parent().map(ProcessHandle::pid).orElse(-1L) == me)
                .filter(p -> SystemFiles.field("/proc/" + p.pid() + "/status", "State").orElse("").startsWith("Z"))
                .map(ProcessHandle::pid)
                .toList();
    }

    /**
     * Kills {@code root} and everything below it, and waits until none of them runs below this
     * JVM (killed grandchildren that init adopted when their parent died are dead already;
     * init may take a moment to reap them).
     */
    public static int killTree(ProcessHandle root) {
        return kill(() -> Stream.concat(Stream.of(root), root.descendants()));
    }

    /**
     * Kills every process {@code tree} names, asked afresh each round (so children forked since
     * the last look are found), with the policy above; returns how many processes were killed.
     */
    public static int kill(Supplier<Stream<ProcessHandle>> tree) {
        Set<ProcessHandle> frozen = freeze(tree);
        Set<ProcessHandle> killed = new LinkedHashSet<>(frozen);
        killDeepestFirst(frozen);
        // Nothing is left when the freeze worked; without it this is where the tree ends.
        for (int round = 0; round < MAX_ROUNDS; round++) {
            List<ProcessHandle> left = alive(tree);
            if (left.isEmpty()) {
                break;
            }
            killed.addAll(left);
            killDeepestFirst(left);
        }
        awaitGone(killed);
        return killed.size();
    }

    private static Set<ProcessHandle> freeze(Supplier<Stream<ProcessHandle>> tree) {
        Set<ProcessHandle> stopped = new LinkedHashSet<>();
        if (KILL.isEmpty()) {
            return stopped;
        }
        for (int round = 0; round < MAX_ROUNDS; round++) {
            List<ProcessHandle> fresh = alive(tree).stream().filter(p -> !stopped.contains(p))
                    .sorted(Comparator.comparingInt(ProcessTree::depth)).toList();
            if (fresh.isEmpty()) {
                break;
            }
            if (!stop(fresh)) {
                break;
            }
            stopped.addAll(fresh);
        }
        return stopped;
    }

    /** {@code kill -STOP pid...}; false when it could not run. A pid already gone is no failure. */
    private static boolean stop(List<ProcessHandle> processes) {
        List<String> command = new ArrayList<>(List.of(KILL.get().toString(), "-STOP", "--"));
        processes.forEach(p -> command.add(Long.toString(p.pid())));
        // Killing must finish for an interrupted caller too (an interrupt is often why it kills):
        // the flag is set aside while kill runs and put back after.
        boolean interrupted = Thread.interrupted();
        try {
            Process kill = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            while (true) {
                try {
                    if (kill.waitFor(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                        return true;
                    }
                    kill.destroyForcibly();
                    return false;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } catch (IOException e) {
            return false;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void killDeepestFirst(Iterable<ProcessHandle> processes) {
        List<ProcessHandle> order = new ArrayList<>();
        processes.forEach(order::add);
        order.sort(Comparator.comparingInt(ProcessTree::depth).reversed());
        // SIGKILL ends a stopped process as well; a handle checks start time, so a reused pid is safe.
        order.forEach(ProcessHandle::destroyForcibly);
    }

    private static List<ProcessHandle> alive(Supplier<Stream<ProcessHandle>> tree) {
        return tree.get().filter(ProcessHandle::isAlive).distinct().toList();
    }

    private static int depth(ProcessHandle p) {
        int depth = 0;
        for (var parent = p.parent(); parent.isPresent() && depth < 64; parent = parent.get().parent()) {
            depth++;
        }
        return depth;
    }

    private static void awaitGone(Set<ProcessHandle> killed) {
        long end = System.nanoTime() + WAIT_NANOS;
        while (System.nanoTime() < end && killed.stream().anyMatch(ProcessTree::stillOurs)) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static boolean stillOurs(ProcessHandle h) {
        return h.isAlive() && ProcessHandle.current().descendants().anyMatch(d -> d.pid() == h.pid());
    }
}
