/**
 * The seam between a Jupyter kernel and forklab's magics. It depends on basekernel's public API
 * only, so the same magics load into the forklab kernel (found by {@link java.util.ServiceLoader})
 * and into a stock IJava 1.3.0 (through a one-line start-up script).
 */
package org.forklab.spi;
