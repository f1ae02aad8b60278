package org.forklab.experiments.core;

import java.util.List;

/** What runs below this JVM; tests and experiments use it to prove that nothing was left behind. */
public final class ProcessTree {
    private ProcessTree() {
    }

    /** Live descendants of this JVM, children and their children. */
    public static List<ProcessHandle> descendants() {
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList();
    }

    /** Zombie children of this JVM (exited, not yet reaped), read from /proc. */
    public static List<Long> zombieChildren() {
        long me = ProcessHandle.current().pid();
        return ProcessHandle.allProcesses()
                .filter(p -> p.parent().map(ProcessHandle::pid).orElse(-1L) == me)
                .filter(p -> SystemFiles.field("/proc/" + p.pid() + "/status", "State").orElse("").startsWith("Z"))
                .map(ProcessHandle::pid)
                .toList();
    }
}
