package org.forklab.stats.format;

import java.util.ArrayList;
import java.util.List;

/**
 * A table of strings rendered two ways: fixed-width text (for text/plain, terminals and
 * nbconvert) and an HTML table (for notebooks). Every cell is escaped in HTML.
 */
public record Table(String title, List<Column> columns, List<List<String>> rows) {

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
