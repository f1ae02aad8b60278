package org.forklab.experiments.sandbox;

import java.util.Optional;

/**
 * For forklab's child JVMs: a daemon thread that halts this JVM within a fraction of a second
 * once the process that started it is gone (killed outright, crashed, or ended by the OOM
 * killer), so no child JVM outlives the kernel. A dead parent is seen as a change of parent:
 * the orphan is re-parented to init or a subreaper. Standard input cannot serve here: most
 * children get it closed at start.
 */
public final class ParentDeath {
    static final long POLL_MILLIS = 200;

    private ParentDeath() {
    }

    /** Starts the watch; call first thing in a child's main. */
    public static void watch() {
        Optional<Long> parent = parentPid();
        if (parent.isEmpty()) {
            return;
        }
        Thread t = new Thread(() -> {
            while (parentPid().equals(parent)) {
                try {
                    Thread.sleep(POLL_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
            Runtime.getRuntime().halt(137);
        }, "forklab-parent-death");
        t.setDaemon(true);
        t.start();
    }

    private static Optional<Long> parentPid() {
        return ProcessHandle.current().parent().map(ProcessHandle::pid);
    }
}
