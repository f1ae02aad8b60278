package org.forklab.kernel.magic;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Completion of the word an option takes, after {@code %spawn --placement } or
 * {@code %pingpong --modes thread-pipe,pro}: the option's words (the magic's picocli completion
 * candidates, through {@link MagicRegistry#optionWords}) that begin with what is typed.
 */
public final class OptionWordCompletion {
    private OptionWordCompletion() {
    }

    /** The matching words and the part of the line they replace (the word after the last comma). */
    public record Words(List<String> matches, String typed) {
    }

    /** {@code line} is the cell's line up to the cursor, beginning with % or %%. */
    public static Optional<Words> complete(String line, boolean cell, MagicRegistry magics) {
        String[] tokens = line.substring(cell ? 2 : 1).split("\\s+", -1);
        if (tokens.length < 2) {
            return Optional.empty();
        }
        String current = tokens[tokens.length - 1];
        String option;
        String value;
        if (current.startsWith("--") && current.contains("=")) {
            option = current.substring(0, current.indexOf('='));
            value = current.substring(current.indexOf('=') + 1);
        } else if (tokens.length >= 3 && tokens[tokens.length - 2].startsWith("-")) {
            option = tokens[tokens.length - 2];
            value = current;
        } else {
            return Optional.empty();
        }
        String typed = value.substring(value.lastIndexOf(',') + 1);
        List<String> matches = magics.optionWords(tokens[0], cell, option).stream()
                .filter(w -> w.toLowerCase(Locale.ROOT).startsWith(typed.toLowerCase(Locale.ROOT))).toList();
        return matches.isEmpty() ? Optional.empty() : Optional.of(new Words(matches, typed));
    }
}
