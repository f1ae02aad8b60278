package org.forklab.stats.format;

import java.util.ArrayList;
import java.util.List;
import org.forklab.stats.NamedSummary;
import org.forklab.stats.Summary;
import org.forklab.stats.TukeyOutliers;
import org.forklab.stats.Unit;

/**
 * The statistics table shown under every experiment: one row per condition with n, median,
 * p10, p90, the median's interval, mean ± sd, outlier counts and warnings.
 */
public final class SummaryTable {

    private SummaryTable() {
    }

    public static Table of(String title, List<NamedSummary> rows, Unit unit) {
        String level = rows.isEmpty() ? "95" : Units.level(rows.get(0).summary().medianInterval().confidence());
        List<Column> columns = List.of(
                Column.text("condition"), Column.number("n"), Column.number("median"),
                Column.number("p10"), Column.number("p90"), Column.number(level + " % CI (median)"),
                Column.number("mean ± sd"), Column.number("outliers"), Column.text("warnings"));
        List<List<String>> cells = new ArrayList<>();
        for (NamedSummary row : rows) {
            Summary s = row.summary();
            cells.add(List.of(
                    row.condition(),
                    Integer.toString(s.n()),
                    Units.format(s.median(), unit),
                    Units.format(s.p10(), unit),
                    Units.format(s.p90(), unit),
                    Units.range(s.medianInterval().low(), s.medianInterval().high(), unit),
                    Units.plusMinus(s.mean(), s.sd(), unit),
                    outliers(s.outliers()),
                    String.join("; ", SummaryText.shortWarnings(s, unit))));
        }
        return new Table(title, columns, cells);
    }

    /** Fixed-width text table followed by one sentence per warning. */
    public static String text(String title, List<NamedSummary> rows, Unit unit) {
        StringBuilder out = new StringBuilder(of(title, rows, unit).toText());
        for (NamedSummary row : rows) {
            for (String line : SummaryText.warningSentences(row.condition(), row.summary(), unit)) {
                out.append("! ").append(line).append('\n');
            }
        }
        return out.toString();
    }

    /** HTML table followed by the warning sentences as a list; all text escaped. */
    public static String html(String title, List<NamedSummary> rows, Unit unit) {
        StringBuilder out = new StringBuilder(of(title, rows, unit).toHtml());
        List<String> sentences = new ArrayList<>();
        for (NamedSummary row : rows) {
            sentences.addAll(SummaryText.warningSentences(row.condition(), row.summary(), unit));
        }
        if (!sentences.isEmpty()) {
            out.append("<ul class=\"forklab-warnings\">\n");
            for (String sentence : sentences) {
                out.append("<li>").append(Html.escape(sentence)).append("</li>\n");
            }
            out.append("</ul>\n");
        }
        return out.toString();
    }

    /** "0", or "12 (3 extreme)": mild and extreme Tukey outliers together, extreme ones named. */
    static String outliers(TukeyOutliers outliers) {
        if (outliers.total() == 0) {
            return "0";
        }
        return outliers.extreme() == 0 ? Integer.toString(outliers.total())
                : outliers.total() + " (" + outliers.extreme() + " extreme)";
    }
}
