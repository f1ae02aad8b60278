package org.forklab.spi;

import java.util.Collection;
import java.util.Optional;

/**
 * The one "did you mean" of forklab, for the kernel (magic names, sub-commands, ${variables}) and
 * the magics (options) alike: the closest known name by edit distance, where swapping two
 * neighbouring letters counts as one edit (--smaples is one edit from --samples), and only names
 * close enough to be a slip of the fingers, or that the typed word begins or is begun by, are
 * offered (%class for %classpath). Among equally close names the first given wins.
 */
public final class Suggestions {
    private Suggestions() {
    }

    /**
     * The closest of {@code known} to {@code typed} that is within half its length in edits (at
     * least one), or that it begins or is begun by.
     */
    public static Optional<String> closest(String typed, Collection<String> known) {
        int allowed = Math.max(1, stripDashes(typed).length() / 2);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String name : known) {
            int d = distance(typed, name);
            boolean near = d <= allowed || name.startsWith(typed) || typed.startsWith(name);
            if (near && d < bestDistance) {
                best = name;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    /** "; did you mean X?" with {@code shown} applied to the closest name, or "" when none is close. */
    public static String hint(String typed, Collection<String> known, java.util.function.UnaryOperator<String> shown) {
        return closest(typed, known).map(n -> "; did you mean " + shown.apply(n) + "?").orElse("");
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and adjacent transpositions. */
    public static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    private static String stripDashes(String name) {
        return name.replaceFirst("^-+", "");
    }
}
