package org.forklab.experiments.core;

/** The operation a {@link Sampler} times: it runs the operation {@code times} times in a row. */
@FunctionalInterface
public interface TimedOperation {
    void run(int times) throws Exception;
}
