package org.forklab.magics.c;

import java.util.Locale;
import org.forklab.experiments.core.Limits;
import org.forklab.experiments.core.SystemFiles;
import org.forklab.magics.parse.ByteSize;

/**
 * The caps every %%c program runs under: at most {@code maxTasks} processes and threads at once
 * (the pids cgroup's count), and {@code maxMemoryBytes} of memory for its whole tree.
 * Defaults are a small share of what this container has left, so a runaway program stops long
 * before the machine's own limits; the options may raise them up to {@link #most()}.
 */
public record CCaps(long maxTasks, long maxMemoryBytes) {
    /** The lesson's largest %%c programs fork a few hundred children. */
    static final long DEFAULT_TASKS = 1_000;
    static final long MIN_MEMORY = 16L << 20;

    public CCaps {
        if (maxTasks < 2 || maxMemoryBytes < MIN_MEMORY) {
            throw new IllegalArgumentException("caps below 2 tasks or 16 MiB");
        }
    }

    /** A quarter of the task headroom, at most 1,000; half the memory still available. */
    public static CCaps defaults() {
        Limits limits = Limits.read();
        long tasks = Math.max(2, Math.min(DEFAULT_TASKS, limits.taskHeadroom() / 4));
        return new CCaps(tasks, Math.max(MIN_MEMORY, available(limits) / 2));
    }

    /** The most the options may ask for: 80 % of the task headroom and 80 % of the memory available. */
    public static CCaps most() {
        Limits limits = Limits.read();
        return new CCaps(Math.max(2, limits.taskHeadroom() * 8 / 10), Math.max(MIN_MEMORY, available(limits) * 8 / 10));
    }

    /**
     * Memory a program may take without pushing anything else out: MemAvailable, and within a
     * container's memory limit only what the container has not used yet.
     */
    static long available(Limits limits) {
        long available = SystemFiles.field("/proc/meminfo", "MemAvailable")
                .map(v -> Long.parseLong(v.replace("kB", "").trim()) * 1024).orElse(limits.physicalMemory());
        if (limits.cgroupMemoryMax().isPresent() && limits.cgroupMemoryMax().getAsLong() < limits.physicalMemory()) {
            long used = SystemFiles.readLimit("/sys/fs/cgroup/memory.current")
                    .orElse(SystemFiles.readLimit("/sys/fs/cgroup/memory/memory.usage_in_bytes").orElse(0));
            available = Math.min(available, limits.cgroupMemoryMax().getAsLong() - used);
        }
        return Math.max(MIN_MEMORY, available);
    }

    /** "1000 processes and threads, 11.0 GiB of memory". */
    public String describe() {
        return maxTasks + " processes and threads, " + mib(maxMemoryBytes) + " of memory";
    }

    static String mib(long bytes) {
        return bytes >= 10L << 30 ? String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30))
                : String.format(Locale.ROOT, "%d MiB", bytes >> 20);
    }

    static String size(long bytes) {
        return ByteSize.format(bytes);
    }
}
