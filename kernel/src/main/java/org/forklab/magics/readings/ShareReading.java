package org.forklab.magics.readings;

import java.util.List;
import java.util.Locale;
import org.forklab.experiments.share.ProcessObservation;
import org.forklab.experiments.share.ShareResult;
import org.forklab.experiments.share.ThreadObservation;

/** %share: what the threads had in common and what each child process kept to itself, as observed. */
public final class ShareReading {
    private ShareReading() {
    }

    public static Reading of(ShareResult r) {
        List<ThreadObservation> ts = r.javaThreads().threads();
        List<ProcessObservation> ps = r.javaProcesses().processes();
        long pids = ts.stream().map(ThreadObservation::pid).distinct().count();
        long tids = ts.stream().map(ThreadObservation::tid).distinct().count();
        String threads = String.format(Locale.ROOT, "the %d threads showed %s and %d TID%s, and main read %d from the"
                + " static a worker had written", ts.size(), pids == 1 ? "one PID" : pids + " PIDs", tids,
                tids == 1 ? "" : "s", r.javaThreads().globalAfterThreadWrite());
        long childPids = ps.stream().map(ProcessObservation::pid).distinct().count();
        String processes = ps.isEmpty() ? "no child process was observed"
                : String.format(Locale.ROOT, "the %d child processes showed %d PID%s, and the parent's static stayed %d"
                + " while each child wrote its own copy", ps.size(), childPids, childPids == 1 ? "" : "s",
                r.javaProcesses().parentGlobal());
        return Reading.of(threads + "; " + processes);
    }
}
