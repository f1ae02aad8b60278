package org.forklab.stats.format;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.forklab.stats.Unit;

/**
 * The medians of repeated runs of one condition side by side (fresh child JVMs, fresh pairs),
 * with their spread. A summary row that pools the runs hides how far apart they were; this
 * table is what shows it.
 */
public final class RunMediansTable {

    private RunMediansTable() {
    }

    /**
     * One condition.
     *
     * @param medians the median of each run, in run order
     * @param where   where each run ran, e.g. "pid 812 CPU 0, pid 840 CPU 0"
     */
    public record Row(String condition, double[] medians, String where) {
        public Row {
            medians = medians.clone();
        }

        @Override
        public double[] medians() {
            return medians.clone();
        }

        /** Highest over lowest median: 1.00 when the runs agree; NaN when there is nothing to compare. */
        public double spread() {
            double lo = Arrays.stream(medians).min().orElse(Double.NaN);
            double hi = Arrays.stream(medians).max().orElse(Double.NaN);
            return lo > 0 ? hi / lo : Double.NaN;
        }
    }

    public static Table of(String title, List<Row> rows, Unit unit, String whereHeading) {
        List<Column> columns = List.of(Column.text("condition"), Column.number("runs"), Column.text("median of each run"),
                Column.number("highest / lowest"), Column.text(whereHeading));
        List<List<String>> cells = new ArrayList<>();
        for (Row row : rows) {
            cells.add(List.of(row.condition(), Integer.toString(row.medians.length),
                    Arrays.stream(row.medians).mapToObj(m -> Units.format(m, unit)).collect(Collectors.joining(", ")),
                    Units.number(row.spread()) + "×", row.where()));
        }
        return new Table(title, columns, cells);
    }
}
