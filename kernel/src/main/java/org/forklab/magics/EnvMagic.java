package org.forklab.magics;

import java.util.OptionalLong;
import org.forklab.experiments.core.Caps;
import org.forklab.experiments.core.Environment;
import org.forklab.experiments.core.Limits;
import org.forklab.experiments.core.VirtualThreads;
import org.forklab.magics.io.Bench;
import org.forklab.magics.io.KeyValues;
import org.forklab.magics.claims.AddressSpace;
import org.forklab.magics.c.CCompiler;
import org.forklab.magics.parse.ByteSize;
import org.forklab.magics.parse.HelpOption;
import org.forklab.magics.parse.JavaName;
import org.forklab.magics.parse.LineMagic;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** %env: the machine every figure of this session is measured on. */
@Command(name = "env", description = "Show the machine measured on: CPUs, kernel, JDK, limits, C compiler.",
        showDefaultValues = true, sortOptions = false)
public final class EnvMagic implements LineMagic {
    @Mixin
    HelpOption help;

    @Option(names = "--as", paramLabel = "NAME", converter = JavaName.class,
            description = "Bind the Environment record to this variable for later Java cells.")
    String as;

    @Override
    public void run(Bench bench) {
        Environment env = Environment.current();
        bench.show(table(env).bundle());
        bench.bind(as, env);
        bench.session().record("%env", env);
    }

    /** The rows %env shows, in reading order. */
    static KeyValues table(Environment env) {
        Limits limits = env.limits();
        Caps caps = limits.defaultCaps();
        return new KeyValues("This machine")
                .add("CPU", env.cpuModel())
                .add("CPUs for this JVM", env.cpus() + " (affinity " + env.cpuAffinity() + ")")
                .add("virtualised", MachineFacts.hypervisor() ? "yes (hypervisor flag set)" : "no hypervisor flag")
                .add("Linux kernel", env.kernelRelease())
                .add("JDK", env.jdk())
                .add("process launch", env.launchMechanism())
                .add("page size", ByteSize.format(env.pageSize()) + " (" + env.pageSize() + " bytes)")
                .add("transparent huge pages", env.transparentHugePages())
                .add("user address space", addressSpace())
                .add("virtual threads", env.virtualThreads() ? "yes" : "no: " + VirtualThreads.unavailableReason())
                .add("threads-max", limits.threadsMax())
                .add("pid_max", limits.pidMax())
                .add("container task limit", taskLimit(limits))
                .add("RLIMIT_NPROC", limits.rlimitNproc().isPresent() ? limits.rlimitNproc().getAsLong() : "none")
                .add("container memory limit", bytes(limits.cgroupMemoryMax()))
                .add("physical memory", ByteSize.format(roundToMiB(limits.physicalMemory())))
                .add("safety caps", caps.maxThreads() + " threads, " + caps.maxProcesses() + " processes, "
                        + caps.maxVirtualThreads() + " virtual threads, "
                        + ByteSize.format(roundToMiB(caps.maxMemoryBytes())) + " memory")
                .add("C compiler", CCompiler.describe());
    }

    /** "128 TiB per process (4-level paging: 2^47 bytes; the upper half is the kernel's)". */
    private static String addressSpace() {
        AddressSpace a = AddressSpace.read();
        if (a.userBits() == 0) {
            return "unknown";
        }
        String mode = !a.x86() ? "from the highest mapping" : a.la57() ? "5-level paging, la57 flag" : "4-level paging, no la57 flag";
        return a.userSize() + " per process (" + mode + ": 2^" + a.userBits() + " bytes; the upper half is the kernel's)";
    }

    private static String taskLimit(Limits limits) {
        if (limits.cgroupPidsMax().isEmpty()) {
            return "none";
        }
        String inUse = limits.cgroupPidsCurrent().isPresent() ? " (" + limits.cgroupPidsCurrent().getAsLong() + " in use)" : "";
        return limits.cgroupPidsMax().getAsLong() + inUse;
    }

    private static String bytes(OptionalLong value) {
        return value.isPresent() ? ByteSize.format(roundToMiB(value.getAsLong())) : "none";
    }

    private static long roundToMiB(long bytes) {
        return bytes >= (1L << 20) ? Math.round(bytes / (double) (1L << 20)) << 20 : bytes;
    }
}
