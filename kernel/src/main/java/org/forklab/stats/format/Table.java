package org.forklab.stats.format;

import java.util.ArrayList;
import java.util.List;

/**
 * A table of strings rendered two ways: fixed-width text (for text/plain, terminals and
 * nbconvert) and an HTML table (for notebooks). Every cell is escaped in HTML.
 */
public record Table(String title, List<Column> columns, List<List<String>> rows) {
    /** Columns of monospaced text a notebook's output area shows at its usual width without scrolling. */
    public static final int NOTEBOOK_COLUMNS = 100;

    public Table {
        columns = List.copyOf(columns);
        List<List<String>> copy = new ArrayList<>();
        for (List<String> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("row has " + row.size() + " cells, table has "
                        + columns.size() + " columns");
            }
            copy.add(List.copyOf(row));
        }
        rows = List.copyOf(copy);
    }

    /** Columns separated by two spaces, a dashed rule under the headings, title on its own line. */
    public String toText() {
        int[] widths = new int[columns.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = width(columns.get(c).heading());
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], width(row.get(c)));
            }
        }
        StringBuilder out = new StringBuilder();
        if (title != null && !title.isEmpty()) {
            out.append(title).append('\n');
        }
        List<String> headings = columns.stream().map(Column::heading).toList();
        appendLine(out, headings, widths);
        List<String> rule = new ArrayList<>();
        for (int width : widths) {
            rule.add("-".repeat(width));
        }
        appendLine(out, rule, widths);
        for (List<String> row : rows) {
            appendLine(out, row, widths);
        }
        return out.toString();
    }

    /**
     * As {@link #toText()} when its lines fit in {@code maxWidth} columns; otherwise one block per
     * row, the first cell as the block's heading and every other cell under it as "heading: value",
     * values wrapped at spaces to the width. A table of sentences (what each resource shows) stays
     * readable in a terminal or a text-only notebook view instead of running 600 columns wide.
     */
    public String toText(int maxWidth) {
        String text = toText();
        if (text.lines().allMatch(l -> width(l) <= maxWidth) || columns.size() < 2) {
            return text;
        }
        int label = 0;
        for (Column column : columns.subList(1, columns.size())) {
            label = Math.max(label, width(column.heading()) + 1);
        }
        int indent = 2 + label + 1;
        StringBuilder out = new StringBuilder();
        if (title != null && !title.isEmpty()) {
            out.append(title).append('\n');
        }
        for (List<String> row : rows) {
            out.append('\n').append(row.get(0)).append('\n');
            for (int c = 1; c < columns.size(); c++) {
                String heading = columns.get(c).heading() + ":";
                List<String> lines = wrap(row.get(c), Math.max(20, maxWidth - indent));
                for (int i = 0; i < lines.size(); i++) {
                    String lead = i == 0 ? "  " + heading + " ".repeat(label - width(heading) + 1) : " ".repeat(indent);
                    out.append((lead + lines.get(i)).stripTrailing()).append('\n');
                }
            }
        }
        return out.toString();
    }

    /** Words of {@code text} in lines of at most {@code width} columns; a longer word gets a line of its own. */
    private static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.trim().split("\\s+")) {
            if (line.length() > 0 && width(line.toString()) + 1 + width(word) > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        lines.add(line.toString());
        return lines;
    }

    private void appendLine(StringBuilder out, List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            String cell = cells.get(c);
            String pad = " ".repeat(widths[c] - width(cell));
            if (c > 0) {
                line.append("  ");
            }
            line.append(columns.get(c).alignRight() ? pad + cell : cell + pad);
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }

    /** Display width in a monospaced terminal: one column per code point (µ, ±, – included). */
    private static int width(String text) {
        return text.codePointCount(0, text.length());
    }

    public String toHtml() {
        StringBuilder out = new StringBuilder("<table class=\"forklab-table\">\n");
        if (title != null && !title.isEmpty()) {
            out.append("<caption>").append(Html.escape(title)).append("</caption>\n");
        }
        out.append("<thead><tr>");
        for (Column column : columns) {
            out.append(cell("th", column, column.heading()));
        }
        out.append("</tr></thead>\n<tbody>\n");
        for (List<String> row : rows) {
            out.append("<tr>");
            for (int c = 0; c < row.size(); c++) {
                out.append(cell("td", columns.get(c), row.get(c)));
            }
            out.append("</tr>\n");
        }
        return out.append("</tbody>\n</table>\n").toString();
    }

    private static String cell(String tag, Column column, String text) {
        String align = column.alignRight() ? "right" : "left";
        return "<" + tag + " style=\"text-align:" + align + "\">" + Html.escape(text) + "</" + tag + ">";
    }
}
