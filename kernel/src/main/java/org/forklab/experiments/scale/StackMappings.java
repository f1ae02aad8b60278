package org.forklab.experiments.scale;

import com.sun.management.HotSpotDiagnosticMXBean;

import java.io.BufferedReader;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Thread stacks seen directly in /proc/self/smaps: each platform thread's stack is a mapping of
 * its own, the stack size less HotSpot's guard pages (those are a separate PROT_NONE mapping of
 * 16 KiB on x86-64, which also keeps neighbouring stacks from merging into one mapping), whose
 * Rss line says how much of it is resident. Mappings new since a snapshot, of a thread stack's length, are the new threads'
 * stacks: this separates "8 MB (here 1 MiB) virtual" from "a few KB resident" per thread.
 */
final class StackMappings {
    /** Mapping start address -> {size, rss} in bytes. */
    private final Map<Long, long[]> mappings;

    private StackMappings(Map<Long, long[]> mappings) {
        this.mappings = mappings;
    }

    static StackMappings read() {
        Map<Long, long[]> m = new HashMap<>();
        try (BufferedReader r = Files.newBufferedReader(Path.of("/proc/self/smaps"))) {
            long[] current = null;
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.isEmpty() && Character.digit(line.charAt(0), 16) >= 0 && line.indexOf('-') > 0
                        && line.indexOf(' ') > line.indexOf('-')) {
                    int dash = line.indexOf('-');
                    current = new long[2];
                    m.put(Long.parseUnsignedLong(line.substring(0, dash), 16), current);
                } else if (current != null && line.startsWith("Size:")) {
                    current[0] = kib(line);
                } else if (current != null && line.startsWith("Rss:")) {
                    current[1] = kib(line);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return new StackMappings(Map.of());
        }
        return new StackMappings(m);
    }

    /** {count, total size, total rss} of mappings new since {@code before} and sized like a stack of {@code stackBytes}. */
    long[] newStacks(StackMappings before, long stackBytes) {
        long count = 0;
        long size = 0;
        long rss = 0;
        for (Map.Entry<Long, long[]> e : mappings.entrySet()) {
            long[] v = e.getValue();
            if (!before.mappings.containsKey(e.getKey()) && v[0] > stackBytes - (64 << 10) && v[0] <= stackBytes) {
                count++;
                size += v[0];
                rss += v[1];
            }
        }
        return new long[] {count, size, rss};
    }

    /** The stack size a new platform thread gets here when none is asked for (-Xss, HotSpot's ThreadStackSize). */
    static long defaultThreadStackBytes() {
        try {
            HotSpotDiagnosticMXBean hs = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            return Long.parseLong(hs.getVMOption("ThreadStackSize").getValue()) * 1024;
        } catch (RuntimeException e) {
            return 1 << 20;
        }
    }

    private static long kib(String line) {
        String v = line.substring(line.indexOf(':') + 1).replace("kB", "").trim();
        return Long.parseLong(v) * 1024;
    }
}
