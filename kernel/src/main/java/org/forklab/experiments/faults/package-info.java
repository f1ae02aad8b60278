/**
 * Fault isolation: one of W workers fails (a native crash, an abort, an uncaught exception, an
 * exit, running out of memory, overflowing its stack, or silently corrupting shared state), with
 * the workers run as threads of one process and as separate processes. Every run happens in a
 * sandbox child (a capped child JVM, or the native probe), so the caller always survives.
 */
package org.forklab.experiments.faults;
