package org.forklab.magics.c;

import org.forklab.magics.parse.ByteSize;
import org.forklab.magics.parse.Range;
import org.forklab.spi.UsageError;
import picocli.CommandLine.Option;

/** The %%c options that set a program's caps; either may be raised up to what this machine allows. */
public final class CCapOptions {
    @Option(names = "--max-processes", paramLabel = "N",
            description = "Cap on processes and threads the program and all it starts may have at once; past it the"
                    + " whole tree is stopped. Default: 1000, or a quarter of this machine's task headroom if less.")
    @Range(min = 2, max = 4_194_304)
    Long maxProcesses;

    @Option(names = "--max-memory", paramLabel = "SIZE", converter = ByteSize.Converter.class,
            description = "Cap on the memory of the program and all it starts, e.g. 256m or 2g; past it the run is"
                    + " stopped. Default: half the memory this container has available.")
    @Range(min = 16 << 20, max = 1L << 50)
    ByteSize maxMemory;

    /** The defaults, with what the options ask for; one line when that is more than the machine allows. */
    public CCaps caps() {
        CCaps defaults = CCaps.defaults();
        if (maxProcesses == null && maxMemory == null) {
            return defaults;
        }
        CCaps most = CCaps.most();
        long tasks = maxProcesses == null ? defaults.maxTasks() : maxProcesses;
        long memory = maxMemory == null ? defaults.maxMemoryBytes() : maxMemory.bytes();
        if (tasks > most.maxTasks()) {
            throw new UsageError("%%c: --max-processes " + tasks + " is more than this machine allows; accepted 2 to "
                    + most.maxTasks() + " (80 % of the tasks it may still start), e.g. --max-processes " + most.maxTasks());
        }
        if (memory > most.maxMemoryBytes()) {
            throw new UsageError("%%c: --max-memory " + ByteSize.format(memory) + " is more than this machine allows;"
                    + " accepted 16m to " + CCaps.mib(most.maxMemoryBytes()) + " (80 % of the memory available), e.g. --max-memory "
                    + (most.maxMemoryBytes() >> 20) + "m");
        }
        return new CCaps(tasks, memory);
    }
}
