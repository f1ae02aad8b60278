package org.forklab.kernel.magic;

import io.github.spencerpark.jupyter.kernel.magic.registry.CellMagicFunction;
import io.github.spencerpark.jupyter.kernel.magic.registry.LineMagicFunction;
import io.github.spencerpark.jupyter.kernel.magic.registry.Magics;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * basekernel's registry that also remembers what is registered and a one-line summary of each,
 * for {@code %lsmagic}, completion and did-you-mean. Every basekernel registration path ends in
 * the two methods overridden here.
 */
public final class MagicRegistry extends Magics {
    private final Map<String, String> lineSummaries = new TreeMap<>();
    private final Map<String, String> cellSummaries = new TreeMap<>();

    @Override
    public synchronized void registerLineMagic(String name, LineMagicFunction<?> magic) {
        super.registerLineMagic(name, magic);
        lineSummaries.putIfAbsent(name, "");
    }

    @Override
    public synchronized void registerCellMagic(String name, CellMagicFunction<?> magic) {
        super.registerCellMagic(name, magic);
        cellSummaries.putIfAbsent(name, "");
    }

    public synchronized void describeLineMagic(String name, String summary) {
        lineSummaries.put(name, summary);
    }

    public synchronized void describeCellMagic(String name, String summary) {
        cellSummaries.put(name, summary);
    }

    /** Line magic name to summary, sorted by name. */
    public synchronized Map<String, String> lineMagics() {
        return Map.copyOf(lineSummaries);
    }

    /** Cell magic name to summary, sorted by name. */
    public synchronized Map<String, String> cellMagics() {
        return Map.copyOf(cellSummaries);
    }

    /** The registered name closest to {@code unknown}, if one is close enough to be a typo. */
    public synchronized Optional<String> closest(String unknown, boolean cell) {
        return (cell ? cellSummaries : lineSummaries).keySet().stream()
                .filter(name -> distance(unknown, name) <= Math.max(2, unknown.length() / 3)
                        || name.startsWith(unknown) || unknown.startsWith(name))
                .min(Comparator.comparingInt((String name) -> distance(unknown, name)).thenComparing(name -> name));
    }

    /** Names starting with {@code prefix}, for completion after '%'. */
    public synchronized List<String> namesStartingWith(String prefix, boolean cell) {
        return (cell ? cellSummaries : lineSummaries).keySet().stream()
                .filter(name -> name.startsWith(prefix)).sorted().collect(Collectors.toList());
    }

    /** The name among {@code known} closest to a mistyped one, if near enough to be a slip. */
    public static Optional<String> closestName(String unknown, java.util.Collection<String> known) {
        return known.stream()
                .filter(name -> distance(unknown, name) <= Math.max(2, unknown.length() / 3)
                        || name.startsWith(unknown) || unknown.startsWith(name))
                .min(Comparator.comparingInt((String name) -> distance(unknown, name)).thenComparing(name -> name));
    }

    /** Levenshtein distance: how many single-character edits turn a into b. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
