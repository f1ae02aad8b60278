package org.forklab.experiments.core;

import java.util.Comparator;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * This machine's limits on tasks and memory, read from the kernel and the container's cgroup
 * (v2 or v1), and the default safety caps derived from them. The caps keep an experiment far
 * from the point where the container, and with it the notebook, would fail.
 *
 * @param threadsMax       /proc/sys/kernel/threads-max
 * @param pidMax           /proc/sys/kernel/pid_max
 * @param cgroupPidsMax    the container's task limit, if any: of the cgroup levels from this process's
 *                         own up to the root, the one that leaves the fewest tasks
 * @param cgroupPidsCurrent tasks running now under that level, if known
 * @param cgroupMemoryMax  the container's memory limit in bytes, if any: the smallest on that path
 * @param rlimitNproc      RLIMIT_NPROC from /proc/self/limits, if set
 * @param physicalMemory   MemTotal in bytes
 */
public record Limits(long threadsMax, long pidMax, OptionalLong cgroupPidsMax, OptionalLong cgroupPidsCurrent,
                     OptionalLong cgroupMemoryMax, OptionalLong rlimitNproc, long physicalMemory) {

    public static Limits read() {
        return read(CgroupPath.ofThisProcess());
    }

    /** With the cgroup levels {@code cgroup} finds: the tightest on the path to the root counts. */
    static Limits read(CgroupPath cgroup) {
        // The level with the fewest tasks left binds (its pids.current counts its whole subtree).
        Optional<CgroupPath.Level> pids = cgroup.limits("pids", "pids.max", "pids.max", "pids.current").stream()
                .min(Comparator.comparingLong(CgroupPath.Level::headroom));
        OptionalLong pidsMax = pids.map(l -> OptionalLong.of(l.max())).orElse(OptionalLong.empty());
        OptionalLong pidsCurrent = pids.map(CgroupPath.Level::current).orElse(OptionalLong.empty());
        OptionalLong memMax = cgroup.smallest("memory", "memory.limit_in_bytes", "memory.max");
        long memTotal = SystemFiles.field("/proc/meminfo", "MemTotal")
                .map(v -> Long.parseLong(v.replace("kB", "").trim()) * 1024).orElse(Runtime.getRuntime().maxMemory());
        return new Limits(
                SystemFiles.readLimit("/proc/sys/kernel/threads-max").orElse(Long.MAX_VALUE),
                SystemFiles.readLimit("/proc/sys/kernel/pid_max").orElse(32768),
                pidsMax, pidsCurrent, memMax, readRlimitNproc(), memTotal);
    }

    /** Tasks (threads plus processes) that may still be created before some limit is hit. */
    public long taskHeadroom() {
        long headroom = Math.min(threadsMax, pidMax);
        if (cgroupPidsMax.isPresent()) {
            headroom = Math.min(headroom, cgroupPidsMax.getAsLong() - cgroupPidsCurrent.orElse(0));
        }
        if (rlimitNproc.isPresent()) {
            headroom = Math.min(headroom, rlimitNproc.getAsLong());
        }
        return Math.max(0, headroom);
    }

    /** Memory an experiment may use: the container's limit, else physical memory. */
    public long memoryBudget() {
        return cgroupMemoryMax.isPresent() ? Math.min(cgroupMemoryMax.getAsLong(), physicalMemory) : physicalMemory;
    }

    /**
     * Default caps: half the task headroom (never more than the lesson's own scale targets) and
     * a quarter of the memory budget; a parameter may raise them up to {@link #hardCaps()}.
     */
    public Caps defaultCaps() {
        long half = taskHeadroom() / 2;
        return new Caps(Math.min(10_000, half), Math.min(1_000, half / 4), Math.min(1_000_000, Math.max(0, half * 100)),
                memoryBudget() / 4);
    }

    /** The most any parameter may ask for: 80 % of the headroom and 75 % of the memory budget. */
    public Caps hardCaps() {
        long most = taskHeadroom() * 8 / 10;
        return new Caps(most, most / 2, Math.max(0, most) * 1_000, memoryBudget() * 3 / 4);
    }

    private static OptionalLong readRlimitNproc() {
        for (String line : SystemFiles.lines("/proc/self/limits")) {
            if (line.startsWith("Max processes")) {
                String[] parts = line.substring("Max processes".length()).trim().split("\\s+");
                return parts[0].equals("unlimited") ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(parts[0]));
            }
        }
        return OptionalLong.empty();
    }
}
