package org.forklab.experiments.scale;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.forklab.experiments.core.SystemFiles;

/**
 * Sizes of the kernel's own per-task and per-process objects, from the slab allocator's
 * accounting: /sys/kernel/slab/&lt;cache&gt;/slab_size (SLUB: the object with its padding and
 * metadata, what one object really occupies), else the objsize column of /proc/slabinfo (root
 * only). These never show in RSS or PSS, and no /proc/meminfo counter charges them per task,
 * so they are read here and added beside the measured slopes.
 *
 * @param bytes cache name to bytes per object, for the caches found on this machine
 * @param source where the sizes came from ("/sys/kernel/slab", "/proc/slabinfo" or "unavailable")
 */
public record KernelObjects(Map<String, Long> bytes, String source) {
    /** What every thread has: its task structure (the kernel stack is counted by KernelStack). */
    public static final List<String> PER_THREAD = List.of("task_struct");
    /** What a process has beyond a thread's: its address space, signal state, handlers, file table. */
    public static final List<String> PER_PROCESS = List.of("task_struct", "mm_struct", "signal_cache",
            "sighand_cache", "files_cache");
    private static final List<String> ALL = List.of("task_struct", "mm_struct", "signal_cache", "sighand_cache",
            "files_cache", "vm_area_struct");

    public KernelObjects {
        bytes = Map.copyOf(bytes);
    }

    /** This machine's sizes, read now. */
    public static KernelObjects read() {
        Map<String, Long> sys = new LinkedHashMap<>();
        for (String cache : ALL) {
            OptionalLong v = SystemFiles.readLimit("/sys/kernel/slab/" + cache + "/slab_size");
            if (v.isPresent()) {
                sys.put(cache, v.getAsLong());
            }
        }
        if (sys.containsKey("task_struct")) {
            return new KernelObjects(sys, "/sys/kernel/slab/<cache>/slab_size");
        }
        Map<String, Long> slabinfo = fromSlabinfo(String.join("\n", SystemFiles.lines("/proc/slabinfo")));
        return slabinfo.containsKey("task_struct") ? new KernelObjects(slabinfo, "/proc/slabinfo objsize")
                : new KernelObjects(Map.of(), "unavailable (no /sys/kernel/slab, /proc/slabinfo not readable)");
    }

    /** The objsize column (the fourth) of the caches we want, from /proc/slabinfo's text. */
    static Map<String, Long> fromSlabinfo(String text) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length > 3 && ALL.contains(f[0])) {
                try {
                    out.put(f[0], Long.parseLong(f[3]));
                } catch (NumberFormatException e) {
                    // a malformed line: leave that cache out rather than guess
                }
            }
        }
        return out;
    }

    /** The sum of {@code caches} present here, empty when any is missing (a partial sum would mislead). */
    public OptionalLong sum(List<String> caches) {
        long total = 0;
        for (String c : caches) {
            Long b = bytes.get(c);
            if (b == null) {
                return OptionalLong.empty();
            }
            total += b;
        }
        return OptionalLong.of(total);
    }

    /** Slab memory every new entity of {@code kind} adds: a task structure for a thread, the process set for a process. */
    public OptionalLong perEntity(String kind) {
        return sum(kind.equals(ScaleConfig.PLATFORM) ? PER_THREAD
                : kind.equals(ScaleConfig.VIRTUAL) ? List.of() : PER_PROCESS);
    }
}
