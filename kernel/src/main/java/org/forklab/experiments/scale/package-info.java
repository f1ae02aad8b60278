/**
 * Resources and scale (lesson section 7): memory (RSS, PSS, VmSize, page tables, kernel stacks,
 * thread stacks resident against reserved) and creation time against count for idle platform
 * threads, virtual threads and processes, as x/y series with a per-entity slope, next to this
 * machine's limits. Entry point: {@link org.forklab.experiments.scale.ScaleExperiment}.
 */
package org.forklab.experiments.scale;
