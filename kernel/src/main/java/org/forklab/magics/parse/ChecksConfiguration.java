package org.forklab.magics.parse;

/**
 * A magic whose arguments also pass an experiment's own checks (caps, combinations) before it
 * runs; tests call it right after parsing to prove every refusal is one line.
 */
public interface ChecksConfiguration {
    /** Builds the experiment's configuration; throws UsageError (or BadParameterException) when refused. */
    void checkConfiguration();
}
