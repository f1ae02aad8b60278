package org.forklab.experiments.cost;

import org.forklab.experiments.core.TimedOperation;

import java.io.IOException;

/** Starting a program from Java and waiting for it, reaped on every path. */
final class JavaLaunch {
    private JavaLaunch() {
    }

    /** ProcessBuilder(program).start() then waitFor(), {@code times} times; an interrupt kills and reaps the child. */
    static TimedOperation processBuilder(String program) {
        ProcessBuilder builder = new ProcessBuilder(program);
        return times -> {
            for (int i = 0; i < times; i++) {
                Process p = builder.start();
                try {
                    int status = p.waitFor();
                    if (status != 0) {
                        throw new IOException(program + " exited with status " + status);
                    }
                } catch (InterruptedException e) {
                    p.destroyForcibly();
                    p.onExit().join();
                    throw e;
                } finally {
                    p.getOutputStream().close();
                    p.getInputStream().close();
                    p.getErrorStream().close();
                }
            }
        };
    }
}
