package org.forklab.experiments.cost;

import org.forklab.experiments.core.Check;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Where creation is measured. On a machine with few CPUs an unpinned new thread or child lands
 * on an idle CPU in one run and queues behind its parent in the next, so the scheduler's choice
 * can move a median by half; one-cpu takes that choice away.
 */
public enum CostPlacement {
    /** Nothing pinned: the scheduler places the measuring side and what it creates. */
    SCHEDULER("scheduler"),
    /**
     * Everything on the first CPU this process may use: the native probe pins itself (what it
     * creates inherits the pin) and Java variants run in child JVMs started under taskset.
     */
    ONE_CPU("one-cpu");

    private final String word;

    CostPlacement(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }

    public static List<String> words() {
        return Arrays.stream(values()).map(CostPlacement::word).toList();
    }

    /** "one-cpu" -> ONE_CPU, or one line naming the accepted words. */
    public static CostPlacement parse(String word) {
        String w = Check.oneOf("placement", word.toLowerCase(Locale.ROOT), words());
        return Arrays.stream(values()).filter(p -> p.word.equals(w)).findFirst().orElseThrow();
    }
}
