package org.forklab.experiments.c10k;

import org.forklab.experiments.scale.ProcMemory;

/**
 * The server process at one moment, from /proc/&lt;pid&gt;.
 *
 * @param rssBytes    resident memory
 * @param pssBytes    proportional set size
 * @param vmSizeBytes virtual memory
 * @param threads     kernel threads in the server JVM
 */
public record ServerMemory(long rssBytes, long pssBytes, long vmSizeBytes, long threads) {
    static ServerMemory of(long pid) {
        return new ServerMemory(ProcMemory.rollup(pid, "Rss"), ProcMemory.rollup(pid, "Pss"),
                ProcMemory.status(pid, "VmSize"), ProcMemory.threads(pid));
    }
}
