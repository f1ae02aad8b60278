package org.forklab.experiments.share;

import org.forklab.experiments.core.Settings;
import org.forklab.experiments.core.Environment;

import java.util.List;
import java.util.Optional;

/**
 * Observations of what is shared. Not timed, so not a Measured.
 *
 * @param rows          the lesson's resource table, row by row where it could be observed
 * @param javaThreads   the raw observations of W Java threads
 * @param javaProcesses the raw observations of W child JVMs
 * @param nativeView    the native probe's observations, when it could run
 * @param nativeSkipped why the native probe did not run, in one line (empty when it did)
 */
public record ShareResult(ShareConfig config, Environment environment, List<ShareRow> rows,
                          JavaThreadsView javaThreads, JavaProcessesView javaProcesses,
                          Optional<NativeShareView> nativeView, Optional<String> nativeSkipped) {

    public ShareResult {
        rows = List.copyOf(rows);
    }

    public String experiment() {
        return "share";
    }

    public Settings settings() {
        Settings.Builder s = Settings.builder();
        s.put(ShareSetting.WORKERS, Integer.toString(config.workers()));
        s.put(ShareSetting.THREADS, "Java platform threads in this JVM; pthreads in the native probe");
        s.put(ShareSetting.PROCESSES, "child JVMs (" + (config.sandbox().heapBytes() >> 20) + " MiB heap); fork in the native probe");
        s.put(ShareSetting.IDS, "kernel TIDs from /proc/thread-self, not Java Thread ids");
        return s.build();
    }

    public Optional<ShareRow> row(String resource) {
        return rows.stream().filter(r -> r.resource().equals(resource)).findFirst();
    }
}
