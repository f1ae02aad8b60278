package org.forklab.magics.readings;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.forklab.magics.io.Bundle;
import org.forklab.stats.format.Html;

/**
 * What this run says, in one to three plain sentences computed from its data, shown before the
 * tables: first line "Reading: …" in plain text, a {@code <p class="forklab-reading">} in HTML.
 */
public record Reading(List<String> sentences) {
    public static final String TEXT_PREFIX = "Reading: ";
    public static final String HTML_CLASS = "forklab-reading";

    public Reading {
        sentences = List.copyOf(sentences);
        if (sentences.isEmpty()) {
            throw new IllegalArgumentException("a reading needs at least one sentence");
        }
    }

    /** The present sentences in order; {@code first} always, as the reading needs one. */
    @SafeVarargs
    public static Reading of(String first, Optional<String>... more) {
        List<String> all = new ArrayList<>(List.of(first));
        for (Optional<String> s : more) {
            s.ifPresent(all::add);
        }
        return new Reading(all);
    }

    /** The sentences joined, each starting with a capital and ending with a full stop. */
    public String prose() {
        StringBuilder out = new StringBuilder();
        for (String s : sentences) {
            String t = s.strip();
            if (t.isEmpty()) {
                continue;
            }
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(Character.toUpperCase(t.charAt(0))).append(t, 1, t.length());
            if (!t.endsWith(".")) {
                out.append('.');
            }
        }
        return out.toString();
    }

    public String text() {
        return TEXT_PREFIX + prose() + "\n";
    }

    public String html() {
        return "<p class=\"" + HTML_CLASS + "\">" + Html.escape(prose()) + "</p>\n";
    }

    /** {@code bundle} opening with this reading, in text and HTML alike. */
    public Bundle first(Bundle bundle) {
        return new Bundle(text() + bundle.text(), html() + bundle.html(), bundle.chart());
    }
}
