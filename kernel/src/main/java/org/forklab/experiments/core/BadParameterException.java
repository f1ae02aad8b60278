package org.forklab.experiments.core;

/**
 * A parameter outside what an experiment accepts. The message is one line meant for a student:
 * what was wrong, what is accepted, and a suggestion. Callers show it as it is, never a trace.
 */
public final class BadParameterException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public BadParameterException(String oneLine) {
        super(oneLine);
    }
}
