package org.forklab.experiments.ipc;

import java.io.IOException;

/**
 * Asked now and then while a thread waits on shared memory, where no system call would notice
 * that the other side died or that the run was interrupted: throws to stop the wait.
 */
@FunctionalInterface
public interface Liveness {
    Liveness NONE = () -> { };

    void check() throws IOException, InterruptedException;
}
