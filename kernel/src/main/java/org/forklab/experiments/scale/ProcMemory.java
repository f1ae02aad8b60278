package org.forklab.experiments.scale;

import org.forklab.experiments.core.SystemFiles;

import java.util.Optional;

/**
 * Memory figures of one process or of the whole machine, from /proc, in bytes. Missing files
 * (another system, a process that just exited) read as -1 so that callers can tell "gone" from 0.
 */
public final class ProcMemory {
    private ProcMemory() {
    }

    /** A field of /proc/&lt;pid&gt;/smaps_rollup, e.g. "Rss" or "Pss" (the kernel sums every mapping). */
    public static long rollup(long pid, String key) {
        return kib(SystemFiles.field("/proc/" + pid + "/smaps_rollup", key));
    }

    /** A kB field of /proc/&lt;pid&gt;/status, e.g. "VmSize" or "VmRSS". */
    public static long status(long pid, String key) {
        return kib(SystemFiles.field("/proc/" + pid + "/status", key));
    }

    /** The thread count of a process (/proc/&lt;pid&gt;/status Threads), or -1. */
    public static long threads(long pid) {
        return SystemFiles.field("/proc/" + pid + "/status", "Threads").map(Long::parseLong).orElse(-1L);
    }

    /** A field of /proc/meminfo, e.g. "PageTables" or "KernelStack": machine-wide, all processes. */
    public static long meminfo(String key) {
        return kib(SystemFiles.field("/proc/meminfo", key));
    }

    /** The program name of a process (/proc/&lt;pid&gt;/comm), empty when it is gone. */
    public static String comm(long pid) {
        return SystemFiles.read("/proc/" + pid + "/comm").orElse("");
    }

    private static long kib(Optional<String> value) {
        if (value.isEmpty()) {
            return -1;
        }
        String v = value.get().trim();
        try {
            return v.endsWith("kB") ? Long.parseLong(v.substring(0, v.length() - 2).trim()) * 1024 : Long.parseLong(v);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
