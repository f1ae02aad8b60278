package org.forklab.kernel;

import io.github.spencerpark.jupyter.kernel.history.HistoryEntry;
import io.github.spencerpark.jupyter.kernel.history.HistoryManager;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * This session's cells for history requests (tail, range and glob search, as IPython answers
 * them). Kept in memory: a kernel restart starts a new session.
 */
final class CellHistory implements HistoryManager {
    static final int SESSION = 1;

    private final List<HistoryEntry> entries = new ArrayList<>();

    synchronized void record(int cell, String input, String output) {
        entries.add(new HistoryEntry(SESSION, cell, input, output == null ? "" : output));
    }

    @Override
    public synchronized List<HistoryEntry> lookupTail(int n, Set<ResultFlag> flags) {
        int from = Math.max(0, entries.size() - Math.max(n, 0));
        return shape(entries.subList(from, entries.size()), flags);
    }

    @Override
    public synchronized List<HistoryEntry> lookupRange(int session, int start, int stop, Set<ResultFlag> flags) {
        List<HistoryEntry> found = new ArrayList<>();
        if (session == SESSION || session == 0) {
            for (HistoryEntry e : entries) {
                if (e.getCellNumber() >= start && (stop <= 0 || e.getCellNumber() < stop)) {
                    found.add(e);
                }
            }
        }
        return shape(found, flags);
    }

    @Override
    public synchronized List<HistoryEntry> search(String glob, int n, Set<ResultFlag> flags) {
        Pattern pattern = globToRegex(glob == null || glob.isEmpty() ? "*" : glob);
        Map<String, HistoryEntry> unique = new LinkedHashMap<>();
        List<HistoryEntry> found = new ArrayList<>();
        for (HistoryEntry e : entries) {
            if (pattern.matcher(e.getInput()).matches()) {
                found.add(e);
                unique.remove(e.getInput());
                unique.put(e.getInput(), e);
            }
        }
        List<HistoryEntry> result = flags.contains(ResultFlag.UNIQUE) ? new ArrayList<>(unique.values()) : found;
        if (n > 0 && result.size() > n) {
            result = result.subList(result.size() - n, result.size());
        }
        return shape(result, flags);
    }

    /** IPython's history search globs: '*' any text (newlines too), '?' one character. */
    static Pattern globToRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    private static List<HistoryEntry> shape(List<HistoryEntry> list, Set<ResultFlag> flags) {
        List<HistoryEntry> shaped = new ArrayList<>(list.size());
        boolean output = flags.contains(ResultFlag.INCLUDE_OUTPUT);
        for (HistoryEntry e : list) {
            shaped.add(output ? e : new HistoryEntry(e.getSession(), e.getCellNumber(), e.getInput()));
        }
        return shaped;
    }
}
