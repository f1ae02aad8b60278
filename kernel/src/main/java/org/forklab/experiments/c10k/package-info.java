/**
 * Many connections (lesson section 7, the C10K question): a loopback echo server with a thread
 * per connection, a virtual thread per connection, and one selector loop, measured for
 * throughput, latency and server memory against the number of clients.
 * Entry point: {@link org.forklab.experiments.c10k.C10kExperiment}.
 */
package org.forklab.experiments.c10k;
