package org.forklab.experiments.core;

import java.io.IOException;
import java.io.InputStream;

/**
 * For child JVMs whose data does not flow over stdin: a daemon thread reads stdin until end of
 * input and then halts the JVM. The parent never writes to it, so end of input means the parent
 * closed it or died; either way the child must not outlive it (it might be spinning on shared
 * memory that nobody will ever write again).
 */
public final class ParentWatch {
    private ParentWatch() {
    }

    public static void start(InputStream stdin) {
        Thread t = new Thread(() -> {
            byte[] sink = new byte[256];
            try {
                while (stdin.read(sink) >= 0) {
                    // the parent never writes; keep reading until it closes
                }
            } catch (IOException e) {
                // a broken stdin means the same: the parent is gone
            }
            Runtime.getRuntime().halt(0);
        }, "forklab-parent-watch");
        t.setDaemon(true);
        t.start();
    }
}
