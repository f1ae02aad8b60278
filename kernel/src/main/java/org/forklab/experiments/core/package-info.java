/**
 * What every experiment shares: the environment record, limits and safety caps, honest timing
 * (cold apart, warm-up, batching), time limits and interrupts, and child processes that never
 * outlive their run. Nothing here knows of a kernel or a notebook.
 */
package org.forklab.experiments.core;
