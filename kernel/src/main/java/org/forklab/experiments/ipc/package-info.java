/**
 * Communication (lesson section 6): latency and throughput against message size for a hand-off
 * between threads, a pipe, a Unix domain socket, TCP on 127.0.0.1 and shared memory between
 * processes ({@link org.forklab.experiments.ipc.IpcExperiment}).
 */
package org.forklab.experiments.ipc;
