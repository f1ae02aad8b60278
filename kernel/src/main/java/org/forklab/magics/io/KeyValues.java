package org.forklab.magics.io;

import org.forklab.stats.format.Html;
import java.util.LinkedHashMap;
import java.util.Map;

/** A two-column table (what, value) as aligned text and as HTML. */
public final class KeyValues {
    private final String title;
    private final Map<String, String> rows = new LinkedHashMap<>();

    public KeyValues(String title) {
        this.title = title;
    }

    public KeyValues add(String key, Object value) {
        rows.put(key, String.valueOf(value));
        return this;
    }

    public Map<String, String> rows() {
        return Map.copyOf(rows);
    }

    public String text() {
        int width = rows.keySet().stream().mapToInt(String::length).max().orElse(0);
        StringBuilder out = new StringBuilder(title).append('\n');
        rows.forEach((k, v) -> out.append("  ").append(k).append(" ".repeat(width - k.length())).append("  ")
                .append(v).append('\n'));
        return out.toString();
    }

    public String html() {
        StringBuilder out = new StringBuilder("<table class=\"forklab-keyvalues\">\n<caption>")
                .append(Html.escape(title)).append("</caption>\n");
        rows.forEach((k, v) -> out.append("<tr><th style=\"text-align:left\">").append(Html.escape(k))
                .append("</th><td style=\"text-align:left\">").append(Html.escape(v)).append("</td></tr>\n"));
        return out.append("</table>\n").toString();
    }

    public Bundle bundle() {
        return Bundle.of(text(), html());
    }
}
