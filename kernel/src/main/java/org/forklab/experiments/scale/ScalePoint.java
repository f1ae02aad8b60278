package org.forklab.experiments.scale;

/**
 * Memory and time for {@code count} idle entities of one kind, all alive at once.
 *
 * <p>For threads (platform or virtual) the memory figures are this JVM's growth: its value
 * while the entities were alive minus its value just before they were created. For processes
 * they are sums over the children themselves (they did not exist before). PageTables and
 * KernelStack are /proc/meminfo differences for the whole machine, so other work on the machine
 * adds noise to them; the slope over several counts is the figure to read.
 *
 * @param count          entities alive together
 * @param creationNanos  from the first start to the moment every entity was running (a thread
 *                       that had signalled it was parked, a process that had exec'd its program)
 * @param rssBytes       resident memory
 * @param pssBytes       proportional set size: shared pages divided among their sharers
 * @param vmSizeBytes    virtual memory (address space reserved)
 * @param pageTablesBytes machine-wide page-table growth
 * @param kernelStackBytes machine-wide kernel-stack growth
 * @param heapBytes      Java heap in use, growth: after a full GC for virtual threads (their stacks live there);
 *                       without one for platform threads, so it includes garbage and may be negative; 0 for processes
 * @param tasksSeen      kernel tasks seen: thread-count growth of this JVM, or children found running their program
 * @param stacksSeen     platform threads only: new stack-sized mappings found in /proc/self/smaps (else 0)
 * @param stackVirtualBytes their total size (address space reserved for stacks)
 * @param stackResidentBytes their total Rss (stack pages actually in memory)
 */
public record ScalePoint(long count, long creationNanos, long rssBytes, long pssBytes, long vmSizeBytes,
                         long pageTablesBytes, long kernelStackBytes, long heapBytes, long tasksSeen,
                         long stacksSeen, long stackVirtualBytes, long stackResidentBytes) {
}
