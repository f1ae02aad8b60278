package org.forklab.experiments.ipc;

import java.util.Arrays;
import java.util.List;

/** The channels compared, with the word a user types for each. */
public enum Transport {
    THREAD_HANDOFF("thread-handoff", false),
    THREAD_COPY("thread-copy", false),
    PIPE("pipe", true),
    UNIX_SOCKET("unix-socket", true),
    TCP_LOOPBACK("tcp-loopback", true),
    SHARED_MEMORY("shared-memory", true);

    private final String word;
    private final boolean betweenProcesses;

    Transport(String word, boolean betweenProcesses) {
        this.word = word;
        this.betweenProcesses = betweenProcesses;
    }

    public String word() {
        return word;
    }

    public boolean betweenProcesses() {
        return betweenProcesses;
    }

    public static List<String> words() {
        return Arrays.stream(values()).map(Transport::word).toList();
    }

    /** The transport for a word; callers check the word first (Check.oneOf) for a readable refusal. */
    public static Transport fromWord(String word) {
        return Arrays.stream(values()).filter(t -> t.word.equals(word)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown transport " + word));
    }
}
