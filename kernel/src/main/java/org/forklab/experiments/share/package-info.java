/**
 * What threads share and processes own: PIDs and TIDs, stack pointers, one heap object, a file
 * descriptor, a global, signal dispositions and credentials, observed from W threads and from W
 * child processes (child JVMs, and the native probe's pthreads and fork), gathered into the
 * rows of the lesson's resource table.
 */
package org.forklab.experiments.share;
