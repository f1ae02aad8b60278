package org.forklab.stats.format;

import java.util.ArrayList;
import java.util.List;
import org.forklab.stats.ClaimCheck;

/** Claims next to measurements: claim, claimed range, measured median, its interval, verdict. */
public final class ClaimTable {

    /** The text pieces of one row, for callers that lay them out themselves. */
    public record Row(String claim, String claimed, String measured, String interval, String verdict) {
    }

    private ClaimTable() {
    }

    /** Numbers in the claim's own unit so they read against it: "2–10 µs", "31.4 µs". */
    public static Row row(ClaimCheck check) {
        var unit = check.range().unit();
        String symbol = unit.symbol().isEmpty() ? "" : " " + unit.symbol();
        String claimed = Units.number(check.range().low()) + "–" + Units.number(check.range().high()) + symbol;
        String interval = check.interval().isDefined()
                ? Units.number(check.interval().low()) + "–" + Units.number(check.interval().high()) + symbol
                : "n/a";
        return new Row(check.claim(), trimmed(claimed), Units.inUnit(check.measured(), unit), interval,
                check.verdict().word());
    }

    public static Table of(String title, List<ClaimCheck> checks) {
        String level = checks.isEmpty() ? "95" : Units.level(checks.get(0).interval().confidence());
        List<Column> columns = List.of(Column.text("claim"), Column.number("claimed"),
                Column.number("measured (median)"), Column.number(level + " % CI"), Column.text("verdict"));
        List<List<String>> rows = new ArrayList<>();
        for (ClaimCheck check : checks) {
            Row row = row(check);
            rows.add(List.of(row.claim(), row.claimed(), row.measured(), row.interval(), row.verdict()));
        }
        return new Table(title, columns, rows);
    }

    public static String text(String title, List<ClaimCheck> checks) {
        return of(title, checks).toText();
    }

    public static String html(String title, List<ClaimCheck> checks) {
        return of(title, checks).toHtml();
    }

    /** Claims are round numbers: "2.00–10.0 µs" reads better as "2–10 µs". */
    private static String trimmed(String range) {
        return range.replaceAll("(\\d)\\.0+(?=\\D|$)", "$1").replaceAll("(\\.\\d*?[1-9])0+(?=\\D|$)", "$1");
    }
}
