package org.forklab.experiments.switching;

import org.forklab.experiments.core.ChildResult;
import org.forklab.experiments.core.ChildSpec;
import org.forklab.experiments.core.Children;
import org.forklab.experiments.core.SystemFiles;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Pins one Java thread to one CPU without native code: the thread reads its own kernel thread
 * id from /proc/thread-self and runs {@code taskset -p -c CPU TID} (argv words, no shell).
 * sched_setaffinity on a thread id pins that thread only, so the rest of the JVM (and the
 * notebook kernel) stays where it was, and the pin ends with the thread.
 */
final class ThreadPinning {
    private static final Duration TASKSET_LIMIT = Duration.ofSeconds(10);

    private ThreadPinning() {
    }

    /** Empty when Java threads can be pinned here; else one line why not. */
    static Optional<String> unavailableReason() {
        if (findTaskset().isEmpty()) {
            return Optional.of("Java threads cannot be pinned here: the taskset program (util-linux) is not on the PATH");
        }
        try {
            currentTid();
        } catch (IOException | RuntimeException e) {
            return Optional.of("Java threads cannot be pinned here: /proc/thread-self cannot be read");
        }
        return Optional.empty();
    }

    static Optional<Path> findTaskset() {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("/usr/bin:/bin");
        for (String dir : path.split(File.pathSeparator)) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, "taskset");
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** The kernel thread id of the calling thread ("/proc/thread-self" -> "PID/task/TID"). */
    static long currentTid() throws IOException {
        String target = Files.readSymbolicLink(Path.of("/proc/thread-self")).toString();
        return Long.parseLong(target.substring(target.lastIndexOf('/') + 1));
    }

    /** Pins the calling thread to {@code cpu}. */
    static void pinCurrentThread(int cpu) throws IOException, InterruptedException {
        Path taskset = findTaskset().orElseThrow(() -> new IOException(unavailableReason().orElse("no taskset")));
        ChildResult r = Children.run(ChildSpec.of(List.of(taskset.toString(), "-p", "-c", String.valueOf(cpu),
                String.valueOf(currentTid())), TASKSET_LIMIT));
        if (!r.succeeded()) {
            throw new IOException("could not pin a Java thread to CPU " + cpu + ": " + r.describeFailure().replace('\n', ' '));
        }
    }

    /** The CPU the calling thread last ran on (field 39 of /proc/thread-self/stat), or -1. */
    static int currentCpu() {
        String stat = SystemFiles.read("/proc/thread-self/stat").orElse("");
        int close = stat.lastIndexOf(')');
        if (close < 0) {
            return -1;
        }
        String[] fields = stat.substring(close + 2).split(" ");
        // fields[0] is field 3 (state), so field 39 (processor) is fields[36]
        return fields.length > 36 ? Integer.parseInt(fields[36]) : -1;
    }

    /** "0-2,5" -> [0, 1, 2, 5]. */
    static List<Integer> parseCpuList(String list) {
        List<Integer> cpus = new ArrayList<>();
        for (String part : list.trim().split(",")) {
            if (part.isBlank()) {
                continue;
            }
            try {
                String[] ends = part.trim().split("-");
                int from = Integer.parseInt(ends[0]);
                int to = ends.length > 1 ? Integer.parseInt(ends[1]) : from;
                for (int c = from; c <= to; c++) {
                    cpus.add(c);
                }
            } catch (NumberFormatException e) {
                return List.of();
            }
        }
        return cpus;
    }
}
