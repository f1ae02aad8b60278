package org.forklab.experiments.core;

import java.util.Optional;

/**
 * The machine's load at one moment: the 1-minute load average (/proc/loadavg) and the CPU time
 * counters of the "cpu" line of /proc/stat, whose eighth field, steal, is time the hypervisor
 * gave this virtual machine's CPUs to someone else. Two readings bracket a run (see
 * {@link RunConditions}).
 *
 * @param loadAverage1 the 1-minute load average, NaN when unreadable
 * @param stealTicks   steal time in clock ticks since boot, -1 when unreadable
 * @param totalTicks   all CPU time in clock ticks since boot (user … steal), -1 when unreadable
 * @param runnable     tasks runnable now (the fourth field of /proc/loadavg, before the slash), -1 when unreadable
 */
public record MachineLoad(double loadAverage1, long stealTicks, long totalTicks, int runnable) {

    public static MachineLoad now() {
        return parse(SystemFiles.read("/proc/loadavg").orElse(""), SystemFiles.lines("/proc/stat").stream()
                .filter(l -> l.startsWith("cpu ")).findFirst().orElse(""));
    }

    /** From the text of /proc/loadavg and the "cpu " line of /proc/stat. */
    static MachineLoad parse(String loadavg, String cpuLine) {
        double load = Double.NaN;
        int runnable = -1;
        String[] l = loadavg.trim().split("\\s+");
        try {
            load = Double.parseDouble(l[0]);
            if (l.length > 3 && l[3].contains("/")) {
                runnable = Integer.parseInt(l[3].substring(0, l[3].indexOf('/')));
            }
        } catch (RuntimeException e) {
            // unreadable: NaN and -1 say so
        }
        long steal = -1;
        long total = -1;
        String[] f = cpuLine.trim().split("\\s+");
        // cpu user nice system idle iowait irq softirq steal guest guest_nice; guest time is already in user
        if (f.length > 8 && f[0].equals("cpu")) {
            try {
                long sum = 0;
                for (int i = 1; i <= 8; i++) {
                    sum += Long.parseLong(f[i]);
                }
                steal = Long.parseLong(f[8]);
                total = sum;
            } catch (NumberFormatException e) {
                steal = -1;
                total = -1;
            }
        }
        return new MachineLoad(load, steal, total, runnable);
    }

    /** The share of CPU time stolen between {@code earlier} and this reading, empty when unknown. */
    public Optional<Double> stealShareSince(MachineLoad earlier) {
        long dt = totalTicks - earlier.totalTicks;
        if (stealTicks < 0 || earlier.stealTicks < 0 || dt <= 0) {
            return Optional.empty();
        }
        return Optional.of((stealTicks - earlier.stealTicks) / (double) dt);
    }
}
