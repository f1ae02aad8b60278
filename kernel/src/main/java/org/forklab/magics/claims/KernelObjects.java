package org.forklab.magics.claims;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * Sizes of kernel objects read from the slab allocator rather than quoted: a task's
 * {@code task_struct} (one per thread and per process) lives in its own slab cache, whose object
 * size /sys/kernel/slab shows (SLUB) or, for root, /proc/slabinfo's fourth column.
 */
final class KernelObjects {
    private KernelObjects() {
    }

    /** The task_struct's size on this kernel in bytes, if the slab files show it. */
    static OptionalLong taskStructBytes() {
        try {
            return OptionalLong.of(Long.parseLong(Files.readString(Path.of("/sys/kernel/slab/task_struct/object_size")).trim()));
        } catch (IOException | RuntimeException e) {
            // fall through to slabinfo
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc/slabinfo"))) {
                String[] w = line.trim().split("\\s+");
                if (w.length > 3 && w[0].equals("task_struct")) {
                    return OptionalLong.of(Long.parseLong(w[3]));
                }
            }
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
        return OptionalLong.empty();
    }

    /** "the task structure itself is 4,240 bytes on this kernel (slab object size)", or why it is unknown. */
    static String taskStructSentence() {
        OptionalLong bytes = taskStructBytes();
        return bytes.isPresent()
                ? String.format(java.util.Locale.ROOT, "the task structure itself is %,d bytes on this kernel (slab object"
                        + " size of task_struct), so a thread costs the kernel both", bytes.getAsLong())
                : "the task structure itself sits in slab memory whose object size this machine does not show"
                        + " (/sys/kernel/slab and /proc/slabinfo unreadable), on top of the kernel stack";
    }
}
