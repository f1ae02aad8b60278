package org.forklab.kernel.magic;

import io.github.spencerpark.jupyter.kernel.magic.registry.CellMagicFunction;
import io.github.spencerpark.jupyter.kernel.magic.registry.LineMagicFunction;
import io.github.spencerpark.jupyter.kernel.magic.registry.Magics;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.forklab.spi.Suggestions;
import java.util.stream.Collectors;

/**
 * basekernel's registry that also remembers what is registered and a one-line summary of each,
 * for {@code %lsmagic}, completion and did-you-mean. Every basekernel registration path ends in
 * the two methods overridden here.
 */
public final class MagicRegistry extends Magics {
    private final Map<String, String> lineSummaries = new TreeMap<>();
    private final Map<String, String> cellSummaries = new TreeMap<>();
    private final Map<String, Function<String, List<String>>> lineOptionWords = new TreeMap<>();
    private final Map<String, Function<String, List<String>>> cellOptionWords = new TreeMap<>();

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

    /** Records the words the options of a magic take, for completion after its option. */
    public synchronized void describeOptionWords(String name, boolean cell, Function<String, List<String>> wordsOf) {
        (cell ? cellOptionWords : lineOptionWords).put(name, wordsOf);
    }

    /** The words {@code option} of magic {@code name} takes, empty when it takes any text or is unknown. */
    public List<String> optionWords(String name, boolean cell, String option) {
        Function<String, List<String>> wordsOf;
        synchronized (this) {
            wordsOf = (cell ? cellOptionWords : lineOptionWords).get(name);
        }
        return wordsOf == null ? List.of() : wordsOf.apply(option);
    }

    /** Line magic name to summary, sorted by name. */
    public synchronized Map<String, String> lineMagics() {
        return Map.copyOf(lineSummaries);
    }

    /** Cell magic name to summary, sorted by name. */
    public synchronized Map<String, String> cellMagics() {
        return Map.copyOf(cellSummaries);
    }

    /** The registered name closest to {@code unknown}, if one is close enough to be a typo (alphabetical among ties). */
    public synchronized Optional<String> closest(String unknown, boolean cell) {
        return Suggestions.closest(unknown, (cell ? cellSummaries : lineSummaries).keySet());
    }

    /** Names starting with {@code prefix}, for completion after '%'. */
    public synchronized List<String> namesStartingWith(String prefix, boolean cell) {
        return (cell ? cellSummaries : lineSummaries).keySet().stream()
                .filter(name -> name.startsWith(prefix)).sorted().collect(Collectors.toList());
    }
}
