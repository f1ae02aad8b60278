package org.forklab.experiments.share;

import java.util.List;

/**
 * W Java threads of this JVM, all alive at once.
 *
 * @param mainPid                 this JVM's process id
 * @param threads                 what each thread saw of itself
 * @param heapWritesSeenByMain    entries the main thread found in the one shared list (W if every write was seen)
 * @param globalAfterThreadWrite  the global as the main thread reads it after worker 0 wrote 42
 * @param descriptorsOnSharedFile how many of this process's descriptors pointed at the file
 *                                worker 0 opened while it was open (1: one table, one entry)
 * @param bytesWrittenByOther     bytes another thread wrote through worker 0's descriptor
 * @param threadStackBytes        the JVM's default thread stack size (-Xss, ThreadStackSize)
 */
public record JavaThreadsView(long mainPid, List<ThreadObservation> threads, int heapWritesSeenByMain,
                              long globalAfterThreadWrite, int descriptorsOnSharedFile, long bytesWrittenByOther,
                              long threadStackBytes) {
    public JavaThreadsView {
        threads = List.copyOf(threads);
    }
}
