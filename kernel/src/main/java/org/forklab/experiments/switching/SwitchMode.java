package org.forklab.experiments.switching;

import org.forklab.experiments.core.Check;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The two sides of a ping-pong and what carries the byte between them. */
public enum SwitchMode {
    /** Two native threads, a pipe each way (the probe). */
    THREAD_PIPE("thread-pipe", "threads over a pipe (C)", "thread-pipe"),
    /** A native process and its forked child, a pipe each way (the probe). */
    PROCESS_PIPE("process-pipe", "processes over a pipe (C)", "process-pipe"),
    /** Two native threads handing a word over with futex wait and wake: no pipe, no file. */
    THREAD_FUTEX("thread-futex", "threads over a futex (C)", "thread-futex"),
    /** Two Java platform threads, a java.nio Pipe each way. */
    JAVA_PIPE("java-pipe", "Java threads over a pipe", null),
    /** Two Java platform threads handing an object over a SynchronousQueue each way. */
    JAVA_HANDOFF("java-handoff", "Java threads over a SynchronousQueue", null);

    private final String word;
    private final String label;
    private final String probeMode;

    SwitchMode(String word, String label, String probeMode) {
        this.word = word;
        this.label = label;
        this.probeMode = probeMode;
    }

    public String word() {
        return word;
    }

    public String label() {
        return label;
    }

    public boolean isNative() {
        return probeMode != null;
    }

    String probeMode() {
        return probeMode;
    }

    public static List<String> words() {
        return Arrays.stream(values()).map(SwitchMode::word).toList();
    }

    public static SwitchMode parse(String word) {
        String w = Check.oneOf("mode", word.toLowerCase(Locale.ROOT), words());
        return Arrays.stream(values()).filter(m -> m.word.equals(w)).findFirst().orElseThrow();
    }
}
