package org.forklab.experiments.faults;

import org.forklab.experiments.core.Check;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** What goes wrong in the faulty worker. */
public enum FaultKind {
    /** A write through a null pointer in C: SIGSEGV. */
    SEGFAULT("segfault", true),
    /** abort() in C: SIGABRT. */
    ABORT("abort", true),
    /** Unbounded recursion in C: the guard page below the stack turns it into SIGSEGV. */
    NATIVE_STACK_OVERFLOW("native-stack-overflow", true),
    /** An exception nobody catches: in Java it ends its own thread only. */
    EXCEPTION("exception", false),
    /** System.exit: ends the whole JVM, whichever thread calls it. */
    EXIT("exit", false),
    /** Allocating until the capped heap is full: OutOfMemoryError in whichever thread asks next. */
    OUT_OF_MEMORY("out-of-memory", false),
    /** Unbounded recursion in Java: StackOverflowError in that thread. */
    STACK_OVERFLOW("stack-overflow", false),
    /** No crash at all: a buggy worker overwrites a shared flag the others trust. */
    CORRUPTION("corruption", false);

    private final String word;
    private final boolean nativeFault;

    FaultKind(String word, boolean nativeFault) {
        this.word = word;
        this.nativeFault = nativeFault;
    }

    public String word() {
        return word;
    }

    /** Whether the fault is injected by the native probe (C) rather than a child JVM. */
    public boolean isNative() {
        return nativeFault;
    }

    public static List<String> words() {
        return Arrays.stream(values()).map(FaultKind::word).toList();
    }

    public static FaultKind fromWord(String word) {
        String w = word.trim().toLowerCase(Locale.ROOT);
        Check.oneOf("fault kind", w, words());
        return Arrays.stream(values()).filter(k -> k.word.equals(w)).findFirst().orElseThrow();
    }
}
