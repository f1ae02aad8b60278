package org.forklab.experiments.race;

import org.forklab.experiments.core.Check;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** One way of letting W workers increment a counter. */
public enum RaceVariant {
    /** A plain long field, no lock: after warm-up C2 may turn the loop into one add per chunk. */
    PLAIN("plain", "threads, plain field, no lock (JIT may fold the loop)", Where.IN_PROCESS, false),
    /** A volatile long field, no lock: every increment is a real load and a real store. */
    VOLATILE("volatile", "threads, volatile field, no lock", Where.IN_PROCESS, false),
    /** The plain field again, in a child JVM run with -Xint, so nothing is compiled. */
    INTERPRETED("interpreted", "threads, plain field, no lock, child JVM with -Xint", Where.CHILD_JVM, false),
    SYNCHRONIZED("synchronized", "threads, synchronized block", Where.IN_PROCESS, true),
    LOCK("lock", "threads, ReentrantLock", Where.IN_PROCESS, true),
    ATOMIC("atomic", "threads, AtomicLong.incrementAndGet", Where.IN_PROCESS, true),
    ADDER("adder", "threads, LongAdder.increment", Where.IN_PROCESS, true),
    /** W child JVMs, each incrementing the same static field of its own copy of the class. */
    PROCESSES("processes", "processes, W child JVMs, each its own counter", Where.CHILD_JVMS, true),
    /** pthreads on a plain C global; the probe is built with -O2, which folds the loop into one add. */
    NATIVE_PLAIN("native-plain", "pthreads, plain C global (gcc -O2 folds the loop)", Where.NATIVE, false),
    /** pthreads on a volatile C global: one load and one store per increment, the race in full. */
    NATIVE_VOLATILE("native-volatile", "pthreads, volatile C global", Where.NATIVE, false),
    /** fork: W children each increment their own copy of the global; the parent's stays 0. */
    NATIVE_PROCESSES("native-processes", "processes, fork, each its own copy of the C global", Where.NATIVE, true);

    /** Where the workers run. */
    public enum Where { IN_PROCESS, CHILD_JVM, CHILD_JVMS, NATIVE }

    private final String word;
    private final String label;
    private final Where where;
    private final boolean correct;

    RaceVariant(String word, String label, Where where, boolean correct) {
        this.word = word;
        this.label = label;
        this.where = where;
        this.correct = correct;
    }

    /** The word a user types, e.g. "atomic". */
    public String word() {
        return word;
    }

    /** A short label naming the mechanism, the placement and the optimiser setting. */
    public String label() {
        return label;
    }

    public Where where() {
        return where;
    }

    /** Whether no update can be lost (a fix, or separate copies). */
    public boolean neverLosesUpdates() {
        return correct;
    }

    /** Whether the workers are processes (each with its own counter) rather than threads. */
    public boolean processes() {
        return this == PROCESSES || this == NATIVE_PROCESSES;
    }

    public static List<String> words() {
        return Arrays.stream(values()).map(RaceVariant::word).toList();
    }

    /** The variant a word names; anything else is refused with the accepted words. */
    public static RaceVariant fromWord(String word) {
        String w = word.trim().toLowerCase(Locale.ROOT);
        Check.oneOf("race variant", w, words());
        return Arrays.stream(values()).filter(v -> v.word.equals(w)).findFirst().orElseThrow();
    }
}
