package org.forklab.experiments.scale;

import org.forklab.experiments.core.Deadline;
import org.forklab.experiments.core.SystemFiles;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The kernel tasks of this JVM's idle platform threads, found by name in /proc/self/task/&#42;/comm
 * (the kernel keeps the first 15 bytes of a Java thread's name, so "forklab-idle-1234" shows as
 * "forklab-idle-12"). A joined Java thread has finished its Java code, but its kernel task may
 * still be on its way out, its stack still mapped, for a while on a busy machine; the next count
 * is measured only once they are gone, so that their memory is not charged to its "before" side.
 *
 * <p>Waiting for these tasks by name, not for the JVM's whole thread count to come back near
 * where the sweep began, keeps threads that are not the experiment's out of the wait: JIT and GC
 * worker threads, the JDK's "process reaper" threads (kept 60 s after their child is reaped),
 * a kernel's own threads. Those made the old count-based wait run to its 10 s give-up once per count.
 */
final class IdleThreads {
    static final String PREFIX = "forklab-idle-";
    /** What the kernel shows of the prefix: comm holds at most 15 bytes. */
    private static final String SHOWN = PREFIX.substring(0, Math.min(PREFIX.length(), 15));

    private IdleThreads() {
    }

    /** How many kernel tasks of this JVM still carry an idle thread's name (0 where /proc is missing). */
    static int remaining() {
        int n = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path task : tasks) {
                if (SystemFiles.read(task.resolve("comm").toString()).orElse("").startsWith(SHOWN)) {
                    n++;
                }
            }
        } catch (IOException | SecurityException e) {
            return 0;
        }
        return n;
    }

    /**
     * Waits, up to {@code giveUpNanos}, until no idle thread's kernel task is left; true when
     * none is. The deadline's limit and interrupts stop the wait as they stop the run.
     */
    static boolean awaitGone(long giveUpNanos, Deadline deadline) throws InterruptedException {
        long giveUp = System.nanoTime() + giveUpNanos;
        while (remaining() > 0) {
            deadline.check();
            if (System.nanoTime() - giveUp >= 0) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }
}
