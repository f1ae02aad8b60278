package org.forklab.experiments.ipc;

import java.util.Arrays;
import java.util.List;

/** The channels compared, with the word a user types for each and who carries the messages. */
public enum Transport {
    /** Two Java threads, the array reference handed over, the receiver spinning on the slot. */
    THREAD_SPIN("thread-spin", Carrier.JAVA_THREADS),
    /** Two Java threads, the array reference handed over, the receiver parked until unparked. */
    THREAD_HANDOFF("thread-handoff", Carrier.JAVA_THREADS),
    /** As the hand-off, but the receiver copies the payload into its own buffer. */
    THREAD_COPY("thread-copy", Carrier.JAVA_THREADS),
    PIPE("pipe", Carrier.JAVA_PROCESSES),
    UNIX_SOCKET("unix-socket", Carrier.JAVA_PROCESSES),
    TCP_LOOPBACK("tcp-loopback", Carrier.JAVA_PROCESSES),
    /** Two JVMs spinning on rings in a mapped file. */
    SHARED_MEMORY("shared-memory", Carrier.JAVA_PROCESSES),
    /** The native probe: two pthreads, a pointer handed over, spinning. */
    NATIVE_THREADS_SPIN("native-threads-spin", Carrier.NATIVE),
    /** The native probe: two pthreads, a pointer handed over, futex wait and wake. */
    NATIVE_THREADS_FUTEX("native-threads-futex", Carrier.NATIVE),
    /** The native probe: two processes copying through a shared mapping, spinning. */
    NATIVE_SHM_SPIN("native-shm-spin", Carrier.NATIVE),
    /** The native probe: two processes copying through a shared mapping, futex wait and wake. */
    NATIVE_SHM_FUTEX("native-shm-futex", Carrier.NATIVE);

    /** Who runs the two ends. */
    public enum Carrier { JAVA_THREADS, JAVA_PROCESSES, NATIVE }

    private final String word;
    private final Carrier carrier;

    Transport(String word, Carrier carrier) {
        this.word = word;
        this.carrier = carrier;
    }

    public String word() {
        return word;
    }

    public Carrier carrier() {
        return carrier;
    }

    /** Whether the two ends are two processes (else two threads of one process). */
    public boolean betweenProcesses() {
        return carrier == Carrier.JAVA_PROCESSES || this == NATIVE_SHM_SPIN || this == NATIVE_SHM_FUTEX;
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
