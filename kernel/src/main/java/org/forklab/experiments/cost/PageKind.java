package org.forklab.experiments.cost;

import org.forklab.experiments.core.Check;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The pages backing the memory a parent touches before it forks. */
public enum PageKind {
    /** Base pages (4 KB on x86-64); the region is marked MADV_NOHUGEPAGE. */
    SMALL("small", "4 KB pages"),
    /** Transparent huge pages (2 MB), asked for with MADV_HUGEPAGE. */
    HUGE("huge", "transparent huge pages");

    private final String word;
    private final String description;

    PageKind(String word, String description) {
        this.word = word;
        this.description = description;
    }

    public String word() {
        return word;
    }

    public String description() {
        return description;
    }

    /** The accepted words, in declaration order. */
    public static List<String> words() {
        return Arrays.stream(values()).map(PageKind::word).toList();
    }

    public static PageKind parse(String word) {
        String w = Check.oneOf("pages", word.toLowerCase(Locale.ROOT), words());
        return w.equals(SMALL.word) ? SMALL : HUGE;
    }
}
