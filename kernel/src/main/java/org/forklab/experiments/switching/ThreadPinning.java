package org.forklab.experiments.switching;

import org.forklab.experiments.core.ChildResult;
import org.forklab.experiments.core.ChildSpec;
import org.forklab.experiments.core.Children;
import org.forklab.experiments.core.Programs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Pins one Java thread to one CPU without native code: the thread reads its own kernel thread
 * id from /proc/thread-self and runs {@code taskset -p -c CPU TID} (argv words, no shell).
 * sched_setaffinity on a thread id pins that thread only, so the rest of the JVM (and the
 * notebook kernel) stays where it was, and the pin ends with the thread.
 */
public final class ThreadPinning {
    private static final Duration TASKSET_LIMIT = Duration.ofSeconds(10);

    private ThreadPinning() {
    }

    /** Empty when Java threads can be pinned here; else one line why not. */
    public static Optional<String> unavailableReason() {
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
        return Programs.onPath("taskset");
    }

    /** The kernel thread id of the calling thread ("/proc/thread-self" -> "PID/task/TID"). */
    static long currentTid() throws IOException {
        String target = Files.readSymbolicLink(Path.of("/proc/thread-self")).toString();
        return Long.parseLong(target.substring(target.lastIndexOf('/') + 1));
    }

    /** Pins the calling thread to {@code cpu}. */
    public static void pinCurrentThread(int cpu) throws IOException, InterruptedException {
        pinCurrentThread(String.valueOf(cpu));
    }

    /** Lets the calling thread run on the CPUs of {@code cpuList} ("0-1", "3"): how a pin is undone. */
    public static void pinCurrentThread(String cpuList) throws IOException, InterruptedException {
        Path taskset = findTaskset().orElseThrow(() -> new IOException(unavailableReason().orElse("no taskset")));
        ChildResult r = Children.run(ChildSpec.of(List.of(taskset.toString(), "-p", "-c", cpuList,
                String.valueOf(currentTid())), TASKSET_LIMIT));
        if (!r.succeeded()) {
            throw new IOException("could not pin a Java thread to CPU " + cpuList + ": " + r.describeFailure().replace('\n', ' '));
        }
    }
}
