package org.forklab.experiments.faults;

import org.forklab.experiments.core.Check;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** How the W workers are run. */
public enum FaultMode {
    /** W threads inside one sandbox process (a child JVM, or the native probe with pthreads). */
    THREADS("threads"),
    /** W separate processes (child JVMs, or children the native probe forks). */
    PROCESSES("processes");

    private final String word;

    FaultMode(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }

    public static List<String> words() {
        return Arrays.stream(values()).map(FaultMode::word).toList();
    }

    public static FaultMode fromWord(String word) {
        String w = word.trim().toLowerCase(Locale.ROOT);
        Check.oneOf("fault mode", w, words());
        return Arrays.stream(values()).filter(m -> m.word.equals(w)).findFirst().orElseThrow();
    }
}
