package org.forklab.stats.format;

import java.util.ArrayList;
import java.util.List;
import org.forklab.stats.ClaimCheck;
import org.forklab.stats.Unit;

/** Claims next to measurements: claim, claimed range, measured value (a median or a slope), its interval, verdict. */
public final class ClaimTable {

    /** The text pieces of one row, for callers that lay them out themselves. */
    public record Row(String claim, String claimed, String measured, String interval, String verdict) {
    }

    private ClaimTable() {
    }

    /**
     * Claimed range, measurement and interval in one unit, the one the measurement reads best in
     * (as the statistics table above shows it): "1–100 ms" and "48.0 ms", never "48000 µs" there.
     */
    public static Row row(ClaimCheck check) {
        Unit claimUnit = check.range().unit();
        Unit unit = Double.isFinite(check.measured()) ? claimUnit.readableFor(check.measured()) : claimUnit;
        double f = claimUnit.convert(1, unit);
        String symbol = unit.symbol().isEmpty() ? "" : " " + unit.symbol();
        double low = check.range().low();
        double high = check.range().high();
        // one figure claimed reads "8 MiB", not "8–8 MiB"; a claim across decades gives each end its own unit
        // ("64 KiB – 8 MiB", not "0.0625–8 MiB")
        String claimed = low == high ? Units.number(low * f) + symbol
                : low > 0 && high / low > 100 ? Units.format(low, claimUnit) + " – " + Units.format(high, claimUnit)
                : Units.number(low * f) + "–" + Units.number(high * f) + symbol;
        String interval = check.interval().isDefined()
                ? Units.number(check.interval().low() * f) + "–" + Units.number(check.interval().high() * f) + symbol
                : "n/a";
        return new Row(check.claim(), trimmed(claimed), Units.inUnit(check.measured() * f, unit), interval,
                check.verdict().word());
    }

    public static Table of(String title, List<ClaimCheck> checks) {
        String level = checks.isEmpty() ? "95" : Units.level(checks.get(0).interval().confidence());
        List<Column> columns = List.of(Column.text("claim"), Column.number("claimed"),
                Column.number("measured"), Column.number(level + " % CI"), Column.text("verdict"));
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
