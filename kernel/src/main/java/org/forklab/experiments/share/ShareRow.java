package org.forklab.experiments.share;

/**
 * One row of the lesson's resource table, as observed on this machine.
 *
 * @param resource  e.g. "heap" or "file descriptors"
 * @param threads   what the threads showed
 * @param processes what the processes showed
 * @param shows     the point of the row, in a few words
 * @param source    "java", "native" or "java+native": which programs observed it
 */
public record ShareRow(String resource, String threads, String processes, String shows, String source) {
}
