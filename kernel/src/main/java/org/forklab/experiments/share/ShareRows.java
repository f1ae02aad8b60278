package org.forklab.experiments.share;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Builds the lesson's eleven-row resource table from the observations. Each cell is a short
 * statement of what was seen here, with the numbers; the prose around it belongs to the lesson.
 */
final class ShareRows {
    private ShareRows() {
    }

    static List<ShareRow> of(JavaThreadsView t, JavaProcessesView p, Optional<NativeShareView> n,
                             List<ThreadPlaces.Place> places) {
        List<ShareRow> rows = new ArrayList<>();
        List<ThreadObservation> ts = t.threads();
        List<ProcessObservation> ps = p.processes();
        int w = ts.size();

        rows.add(n.map(nv -> new ShareRow("virtual address space",
                "one: pthreads' stacks, heap and global all in pid " + nv.pid() + "; main reads at "
                        + nv.globalAddress() + " what a pthread wrote (" + nv.globalAfterThread() + ")",
                "own: after fork " + nv.forkAddressChild() + " holds " + nv.forkValueChild() + " in the child and "
                        + nv.forkAddressParent() + " holds " + nv.forkValueParent() + " in the parent",
                "the same virtual address maps to different memory in each process", "native"))
                .orElse(new ShareRow("virtual address space",
                        "one: " + w + " threads, all in pid " + t.mainPid(),
                        "own: " + ps.size() + " child JVMs, pids " + join(ps.stream().map(ProcessObservation::pid)),
                        "threads live in one address space; each process has its own", "java")));

        List<String> pcs = ts.stream().map(o -> o.programCounter().orElse("?")).distinct().toList();
        rows.add(new ShareRow("code",
                pcs.size() == 1 ? "shared: all " + w + " threads stopped at the same instruction " + pcs.get(0)
                        : "shared: the threads ran the same mapped code (pcs " + String.join(", ", pcs) + ")",
                "own mapping per process: pcs " + join(ps.stream().map(o -> o.programCounter().orElse("?")))
                        + " (each process maps the code itself)",
                "threads execute one copy of the program's code", "java"));

        String javaGlobalThreads = "worker 0 wrote " + ShareExperiment.THREAD_WRITE + ", main read "
                + t.globalAfterThreadWrite();
        String javaGlobalProcesses = "each child saw " + join(ps.stream().map(ProcessObservation::globalSeen))
                + " and wrote " + join(ps.stream().map(ProcessObservation::globalWritten))
                + "; the parent's stays " + p.parentGlobal();
        rows.add(new ShareRow("globals",
                javaGlobalThreads + n.map(nv -> "; C: a pthread wrote 42, main read " + nv.globalAfterThread()).orElse(""),
                javaGlobalProcesses + n.map(nv -> "; C: the forked child wrote " + nv.forkValueChild()
                        + ", the parent still reads " + nv.forkValueParent()).orElse(""),
                "a static written by one thread is seen by all; a child writes its own copy",
                n.isPresent() ? "java+native" : "java"));

        long identities = ts.stream().mapToInt(ThreadObservation::heapIdentity).distinct().count();
        rows.add(new ShareRow("heap",
                (identities == 1 ? "one object (the same identity in all " + w + " threads)" : identities + " objects")
                        + "; main saw " + t.heapWritesSeenByMain() + " of " + w + " writes"
                        + n.map(nv -> "; C: a malloc'd counter reads " + nv.heapValueInMain() + " after " + w
                        + " pthreads added 1").orElse(""),
                "the parent wrote '" + p.parentHeapValue() + "'; each child saw '"
                        + ps.stream().map(ProcessObservation::heapSeen).distinct().collect(Collectors.joining("', '")) + "'",
                "threads share objects; a child JVM cannot reach the parent's, except through what the kernel"
                        + " allows: a shared mapping (MAP_SHARED), process_vm_writev or ptrace with permission",
                n.isPresent() ? "java+native" : "java"));

        rows.add(new ShareRow("stack",
                "own: stack pointers " + join(ts.stream().map(o -> o.stackPointer().orElse("?")))
                        + (t.threadStackBytes() > 0 ? "; default Java stack " + (t.threadStackBytes() >> 10) + " KiB" : "")
                        + n.map(nv -> "; C: locals at " + String.join(", ", nv.stackLocals())).orElse(""),
                "own: main-thread stack pointers " + join(ps.stream().map(o -> o.stackPointer().orElse("?"))),
                "every thread has a stack of its own inside the shared address space",
                n.isPresent() ? "java+native" : "java"));

        rows.add(new ShareRow("program counter",
                places.isEmpty() ? "own per thread (/proc did not say where two other threads were)"
                        : "own per thread, seen from another thread at one moment: " + String.join("; ",
                        places.stream().map(pl -> "the " + pl.role() + " thread (tid " + pl.tid() + ") was " + pl.where())
                                .toList()),
                "own per process",
                "each thread is its own path of execution: one can compute while another is blocked in the kernel",
                "java"));

        rows.add(new ShareRow("registers",
                "own: each thread's stack pointer register differs ("
                        + ts.stream().map(o -> o.stackPointer().orElse("?")).distinct().count() + " distinct of " + w + ")",
                "own: every process's threads have their own",
                "the kernel saves and restores registers per thread", "java"));

        rows.add(new ShareRow("file descriptors",
                "shared table: worker 0 opened, another wrote " + t.bytesWrittenByOther() + " bytes through it; "
                        + t.descriptorsOnSharedFile() + " entry in /proc/self/fd"
                        + n.map(nv -> "; C: " + nv.descriptorBytes() + " bytes through another pthread's descriptor")
                        .orElse(""),
                "own table: children opened fds " + join(ps.stream().map(ProcessObservation::descriptor))
                        + "; the parent had " + p.parentDescriptorsBefore() + " on those files before and "
                        + p.parentDescriptorsAfter() + " after"
                        + n.map(nv -> "; C: the child's descriptor " + (nv.childDescriptorInParent() ? "appeared" : "is absent")
                        + " in the parent").orElse(""),
                "threads share one descriptor table; a child's new descriptors stay its own",
                n.isPresent() ? "java+native" : "java"));

        rows.add(new ShareRow("PID / TID",
                "pid " + join(ts.stream().map(ThreadObservation::pid).distinct()) + " for all; tids "
                        + join(ts.stream().map(ThreadObservation::tid))
                        + n.map(nv -> "; C: pid " + nv.pid() + ", tids " + join(nv.tids().stream())).orElse(""),
                "pids " + join(ps.stream().map(ProcessObservation::pid)) + ", each its own; their main() ran on tids "
                        + join(ps.stream().map(ProcessObservation::tid)) + " (the java launcher runs main on a new thread)"
                        + n.map(nv -> "; C: forked child pid " + nv.childPid()).orElse(""),
                "threads share a PID and differ in TID; processes differ in PID",
                n.isPresent() ? "java+native" : "java"));

        List<String> caught = ts.stream().map(ThreadObservation::caughtSignals).distinct().toList();
        rows.add(new ShareRow("signal handlers",
                (caught.size() == 1 ? "shared: SigCgt " + caught.get(0) + " in all " + w + " threads"
                        : "SigCgt differs: " + String.join(", ", caught))
                        + "; blocked masks are per thread ("
                        + ts.stream().map(ThreadObservation::blockedSignals).distinct().count() + " distinct)"
                        + n.map(nv -> "; C: a pthread's handler " + (nv.handlerSeenByMain() ? "is" : "is not")
                        + " the process's").orElse(""),
                "own table: parent SigCgt " + p.parentCaughtSignals() + ", children "
                        + ps.stream().map(ProcessObservation::caughtSignals).distinct().collect(Collectors.joining(", "))
                        + n.map(nv -> "; C: the child's new handler " + (nv.childHandlerInParent() ? "appeared" : "is absent")
                        + " in the parent").orElse(""),
                "handlers belong to the process; a child installs its own",
                n.isPresent() ? "java+native" : "java"));

        List<String> uids = ts.stream().map(ThreadObservation::uid).distinct().toList();
        rows.add(new ShareRow("credentials",
                uids.size() == 1 ? "shared: Uid " + uids.get(0) + " in all " + w + " threads" : "Uid differs: " + uids,
                "own copy: parent Uid " + p.parentUid() + ", children "
                        + ps.stream().map(ProcessObservation::uid).distinct().collect(Collectors.joining(", ")),
                "the kernel keeps credentials per task; glibc's setuid() signals every thread so that all change"
                        + " together (POSIX's process-wide rule), while a raw setuid system call changes only the caller;"
                        + " a child inherits a copy", "java"));
        return rows;
    }

    private static String join(java.util.stream.Stream<?> values) {
        return values.map(String::valueOf).collect(Collectors.joining(", "));
    }
}
