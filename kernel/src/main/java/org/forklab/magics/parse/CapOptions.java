package org.forklab.magics.parse;

import org.forklab.experiments.core.Caps;
import org.forklab.experiments.core.Limits;
import picocli.CommandLine.Option;

/**
 * Options that raise this machine's safety caps, never past its hard caps (80 % of the task
 * headroom, 75 % of the memory budget). The experiments name them in their refusals.
 */
public final class CapOptions {
    @Option(names = "--max-threads", paramLabel = "N", description = "Raise the thread safety cap.")
    @Range(min = 1, max = 1_000_000)
    Long maxThreads;

    @Option(names = "--max-processes", paramLabel = "N", description = "Raise the process safety cap.")
    @Range(min = 1, max = 100_000)
    Long maxProcesses;

    @Option(names = "--max-memory", paramLabel = "SIZE", converter = ByteSize.Converter.class,
            description = "Raise the memory safety cap.")
    @Range(min = 1 << 20, max = 1L << 50)
    ByteSize maxMemory;

    /** The default caps, raised where asked. */
    public Caps caps() {
        Limits limits = Limits.read();
        Caps defaults = limits.defaultCaps();
        if (maxThreads == null && maxProcesses == null && maxMemory == null) {
            return defaults;
        }
        Caps wanted = new Caps(maxThreads == null ? 0 : maxThreads, maxProcesses == null ? 0 : maxProcesses, 0,
                maxMemory == null ? 0 : maxMemory.bytes());
        return defaults.raisedTo(wanted, limits.hardCaps());
    }
}
