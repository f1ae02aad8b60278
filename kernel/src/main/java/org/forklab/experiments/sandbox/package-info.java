/**
 * Where violent experiments run: a child JVM with a capped heap and a time limit (or the native
 * probe, which is its own sandbox), so that a crash, an exit or an out-of-memory error ends the
 * child and never the caller. Several sandboxes may run side by side; all are reaped.
 */
package org.forklab.experiments.sandbox;
