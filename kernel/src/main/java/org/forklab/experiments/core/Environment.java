package org.forklab.experiments.core;

import java.util.Locale;

/**
 * Where a result was measured. Every experiment result carries one, so that a figure from a
 * laptop and one from Binder are never compared blind.
 *
 * @param cpuModel         /proc/cpuinfo "model name" (read by {@link CpuInfo})
 * @param cpus             CPUs this JVM may run on
 * @param cpuAffinity      the allowed CPU list of this process, e.g. "0-1"
 * @param kernelRelease    uname -r
 * @param jdk              java.runtime.version and vendor
 * @param launchMechanism  how this JDK starts child processes (jdk.lang.Process.launchMechanism)
 * @param pageSize         base page size in bytes
 * @param transparentHugePages the THP mode in force, e.g. "madvise"
 * @param virtualThreads   whether this JDK has virtual threads (JDK 21 and later)
 * @param limits           task and memory limits of the machine and container
 */
public record Environment(String cpuModel, int cpus, String cpuAffinity, String kernelRelease, String jdk,
                          String launchMechanism, long pageSize, String transparentHugePages,
                          boolean virtualThreads, Limits limits) {

    private static volatile Environment cached;

    /** The environment of this JVM, read once (none of it changes while the JVM runs). */
    public static Environment current() {
        Environment e = cached;
        if (e == null) {
            e = capture();
            cached = e;
        }
        return e;
    }

    static Environment capture() {
        String model = CpuInfo.current().model().orElse(System.getProperty("os.arch"));
        String affinity = SystemFiles.field("/proc/self/status", "Cpus_allowed_list").orElse("unknown");
        String kernel = SystemFiles.read("/proc/sys/kernel/osrelease").orElse(System.getProperty("os.version"));
        String jdk = System.getProperty("java.runtime.version") + " (" + System.getProperty("java.vendor") + ")";
        String thp = SystemFiles.read("/sys/kernel/mm/transparent_hugepage/enabled")
                .map(Environment::selectedWord).orElse("unavailable");
        return new Environment(model, Runtime.getRuntime().availableProcessors(), affinity, kernel, jdk,
                jdkLaunchMechanism(), readPageSize(), thp, VirtualThreads.available(), Limits.read());
    }

    /** The JDK's process launch mechanism: the property if set, else this JDK's Linux default. */
    public static String jdkLaunchMechanism() {
        String set = System.getProperty("jdk.lang.Process.launchMechanism");
        if (set != null) {
            return set.toUpperCase(Locale.ROOT) + " (set by jdk.lang.Process.launchMechanism)";
        }
        // Since JDK 12 the Linux default is posix_spawn through the jspawnhelper program.
        return "POSIX_SPAWN via jspawnhelper (JDK default)";
    }

    /** The JVM major version, e.g. 17 or 25. */
    public static int javaFeatureVersion() {
        return Runtime.version().feature();
    }

    private static long readPageSize() {
        // KernelPageSize of the first mapping in smaps is the base page size (4096 on x86-64).
        return SystemFiles.field("/proc/self/smaps", "KernelPageSize")
                .map(v -> Long.parseLong(v.replace("kB", "").trim()) * 1024).orElse(4096L);
    }

    /** "always [madvise] never" -> "madvise". */
    private static String selectedWord(String choices) {
        int open = choices.indexOf('[');
        int close = choices.indexOf(']');
        return open >= 0 && close > open ? choices.substring(open + 1, close) : choices;
    }
}
