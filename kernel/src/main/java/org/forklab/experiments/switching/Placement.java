package org.forklab.experiments.switching;

import org.forklab.experiments.core.Check;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Where the two sides of a ping-pong run. */
public enum Placement {
    /** Both pinned to one CPU: every hand-off is a context switch on that CPU. */
    SAME_CPU("same-cpu", "same"),
    /** Pinned to two different CPUs: every hand-off is a cross-CPU wake-up, and each CPU still switches to its idle task and back. */
    TWO_CPUS("two-cpus", "split"),
    /** Not pinned: the scheduler decides, and may change its mind from run to run. */
    SCHEDULER("scheduler", "free");

    private final String word;
    private final String probeWord;

    Placement(String word, String probeWord) {
        this.word = word;
        this.probeWord = probeWord;
    }

    public String word() {
        return word;
    }

    String probeWord() {
        return probeWord;
    }

    public boolean pinned() {
        return this != SCHEDULER;
    }

    public static List<String> words() {
        return Arrays.stream(values()).map(Placement::word).toList();
    }

    public static Placement parse(String word) {
        String w = Check.oneOf("placement", word.toLowerCase(Locale.ROOT), words());
        return Arrays.stream(values()).filter(p -> p.word.equals(w)).findFirst().orElseThrow();
    }
}
