package org.forklab.magics.io;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Every result produced in this kernel session, in order, whether by a magic or by the Java
 * facade; the closing report sets each claim of the lesson next to them.
 */
public final class Session {
    private static final Session CURRENT = new Session();

    /** One result with where it came from, e.g. "%spawn --trials 50" or "Lab.spawn". */
    public record Entry(String source, Object result, Instant at) {
    }

    private final List<Entry> entries = new ArrayList<>();

    public static Session current() {
        return CURRENT;
    }

    public synchronized void record(String source, Object result) {
        entries.add(new Entry(source, result, Instant.now()));
    }

    public synchronized List<Entry> entries() {
        return List.copyOf(entries);
    }

    /** The results of one type, oldest first. */
    public synchronized <T> List<T> resultsOf(Class<T> type) {
        List<T> out = new ArrayList<>();
        for (Entry e : entries) {
            if (type.isInstance(e.result())) {
                out.add(type.cast(e.result()));
            }
        }
        return out;
    }

    public synchronized void clear() {
        entries.clear();
    }
}
