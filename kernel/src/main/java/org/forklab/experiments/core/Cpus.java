package org.forklab.experiments.core;

import java.util.ArrayList;
import java.util.List;

/** CPU numbers as Linux writes them, and where the calling thread runs. */
public final class Cpus {
    private Cpus() {
    }

    /** "0-2,5" -> [0, 1, 2, 5]; anything unreadable ("unknown") -> []. */
    public static List<Integer> parseList(String list) {
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

    /** The CPU the calling thread last ran on (field 39 of /proc/thread-self/stat), or -1. */
    public static int current() {
        String stat = SystemFiles.read("/proc/thread-self/stat").orElse("");
        int close = stat.lastIndexOf(')');
        if (close < 0) {
            return -1;
        }
        String[] fields = stat.substring(close + 2).split(" ");
        // fields[0] is field 3 (state), so field 39 (processor) is fields[36]
        return fields.length > 36 ? Integer.parseInt(fields[36]) : -1;
    }
}
