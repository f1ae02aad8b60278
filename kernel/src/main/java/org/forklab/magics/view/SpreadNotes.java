package org.forklab.magics.view;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.forklab.stats.format.Html;
import org.forklab.stats.NamedSummary;
import org.forklab.stats.Summary;
import org.forklab.stats.Unit;
import org.forklab.stats.Warning;
import org.forklab.stats.format.SummaryText;

/**
 * The statistics warnings of every row in one line that counts the rows affected ("the slowest
 * sample is over 4× the fastest in 3 of 7 rows"), with each row's sentence kept as a detail:
 * folded in HTML, last in plain text. One warning per row would bury the reading under notes.
 */
public final class SpreadNotes {
    private final Map<Warning, Integer> rowsWith = new EnumMap<>(Warning.class);
    private final List<String> details = new ArrayList<>();
    private int rows;

    /** Adds the rows of one table, whose samples are in {@code unit}. */
    public SpreadNotes add(List<NamedSummary> table, Unit unit) {
        for (NamedSummary row : table) {
            rows++;
            Summary s = row.summary();
            s.warnings().forEach(w -> rowsWith.merge(w, 1, Integer::sum));
            details.addAll(SummaryText.warningSentences(row.condition(), s, unit));
        }
        return this;
    }

    /** "spread: the slowest sample is over 4× the fastest in 3 of 7 rows; 1 row falls in two clusters", if any. */
    public Optional<String> line() {
        if (rowsWith.isEmpty()) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        rowsWith.forEach((w, n) -> parts.add(switch (w) {
            case WIDE_RANGE -> "the slowest sample is over " + (int) Summary.WIDE_RANGE_RATIO + "× the fastest in " + of(n);
            case WIDE_IQR -> "the middle half spans over half the median in " + of(n);
            case BIMODAL -> of(n) + (n == 1 ? " falls" : " fall") + " in two clusters";
            case FEW_SAMPLES -> of(n) + (n == 1 ? " has" : " have") + " fewer than " + Summary.FEW_SAMPLES + " samples";
        }));
        return Optional.of("spread: " + String.join("; ", parts) + " (per row: " + (details.size() == 1 ? "one line" : details.size()
                + " lines") + " below)");
    }

    /** Each row's warning in a sentence. */
    public List<String> details() {
        return List.copyOf(details);
    }

    /** The line with its details folded in a {@code <details>} block, or nothing. */
    public String html() {
        return line().map(l -> "<details class=\"forklab-spread\"><summary>" + Html.escape(l) + "</summary>\n<ul>\n"
                + String.join("", details.stream().map(d -> "<li>" + Html.escape(d) + "</li>\n").toList())
                + "</ul>\n</details>\n").orElse("");
    }

    /** The details for the end of the plain text, or nothing. */
    public String textDetails() {
        return details.isEmpty() ? "" : String.join("", details.stream().map(d -> "  " + d + "\n").toList());
    }

    private String of(int n) {
        return n + " of " + rows + " row" + (rows == 1 ? "" : "s");
    }
}
