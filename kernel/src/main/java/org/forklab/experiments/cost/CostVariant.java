package org.forklab.experiments.cost;

import org.forklab.experiments.core.Check;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** One way of starting work whose cost the experiment measures. */
public enum CostVariant {
    PLATFORM_THREAD("platform-thread", "platform thread start+join", null),
    VIRTUAL_THREAD("virtual-thread", "virtual thread start+join", null),
    EXECUTOR_LATENCY("executor-latency", "executor submit+get", null),
    EXECUTOR_THROUGHPUT("executor-throughput", "executor throughput, per task", null),
    PROCESS_BUILDER("process-builder", "ProcessBuilder start+waitFor", null),
    FORK("fork", "fork+_exit+waitpid", "fork"),
    /** The parent's fork() call alone: the child's exit (page-table teardown) and reaping are left out. */
    FORK_CALL("fork-call", "fork() call alone", "fork-call"),
    VFORK("vfork", "vfork+_exit+waitpid", "vfork"),
    FORK_EXEC("fork-exec", "fork+exec+waitpid", "fork-exec"),
    VFORK_EXEC("vfork-exec", "vfork+exec+waitpid", "vfork-exec"),
    POSIX_SPAWN("posix-spawn", "posix_spawn+waitpid", "posix-spawn"),
    PTHREAD("pthread", "pthread_create+join", "pthread");

    private final String word;
    private final String label;
    private final String probeOp;

    CostVariant(String word, String label, String probeOp) {
        this.word = word;
        this.label = label;
        this.probeOp = probeOp;
    }

    /** The word used in parameters, e.g. "fork-exec". */
    public String word() {
        return word;
    }

    /** The label of its samples (exec variants get the program appended). */
    public String label() {
        return label;
    }

    public boolean isNative() {
        return probeOp != null;
    }

    /** The probe's op name, for native variants. */
    String probeOp() {
        return probeOp;
    }

    boolean execs() {
        return this == PROCESS_BUILDER || this == FORK_EXEC || this == VFORK_EXEC || this == POSIX_SPAWN;
    }

    public static List<String> words() {
        return Arrays.stream(values()).map(CostVariant::word).toList();
    }

    /** "fork-exec" -> FORK_EXEC, or one line naming the accepted words. */
    public static CostVariant parse(String word) {
        String w = Check.oneOf("variant", word.toLowerCase(Locale.ROOT), words());
        return Arrays.stream(values()).filter(v -> v.word.equals(w)).findFirst().orElseThrow();
    }
}
