package org.forklab.magics.save;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.forklab.charts.Bar;
import org.forklab.charts.BarCharts;
import org.forklab.charts.BarSeries;
import org.forklab.charts.ChartRenderingException;
import org.forklab.charts.Quantity;
import org.forklab.experiments.core.Samples;
import org.forklab.magics.io.Bundle;
import org.forklab.stats.format.Html;
import org.forklab.magics.view.ExperimentView;
import org.forklab.spi.UsageError;
import org.forklab.stats.Summary;
import org.forklab.stats.Unit;
import org.forklab.stats.format.Column;
import org.forklab.stats.format.Table;
import org.forklab.stats.format.Units;

/**
 * {@code %compare FOLDER}: per condition, each machine/JDK group's spread of run medians (how
 * many runs, the lowest, the middle one, the highest) and this machine's own run beside them,
 * then one sentence per condition saying how far apart the groups are and where this machine is.
 */
public final class ClassView {
    private static final String THIS_MACHINE = "this machine";

    private ClassView() {
    }

    /** A group's runs for one condition: the median of each run. */
    record Spread(String group, double[] medians) {
        double low() {
            return stats().getMin();
        }

        double middle() {
            return stats().getPercentile(50);
        }

        double high() {
            return stats().getMax();
        }

        private DescriptiveStatistics stats() {
            return new DescriptiveStatistics(medians);
        }
    }

    public static Bundle view(ClassResults all, Optional<SavedResult> mine, String filter) {
        Set<String> conditions = new LinkedHashSet<>();
        all.results().forEach(r -> r.samples().forEach(s -> {
            if (s.size() > 0 && (filter == null || s.label().contains(filter))) {
                conditions.add(s.label());
            }
        }));
        if (conditions.isEmpty()) {
            throw new UsageError("%compare: no condition " + (filter == null ? "with samples" : "contains '" + filter + "'")
                    + " in the " + all.results().size() + " results in " + all.folder());
        }
        List<List<String>> rows = new ArrayList<>();
        List<String> sentences = new ArrayList<>();
        Map<String, List<Bar>> bars = new LinkedHashMap<>();
        Unit chartUnit = null;
        for (String condition : conditions) {
            Unit unit = unitOf(all.results(), condition);
            chartUnit = chartUnit == null ? unit : chartUnit;
            List<Spread> spreads = spreads(all, condition, unit);
            Optional<Double> own = mine.flatMap(r -> median(r, condition, unit));
            for (Spread s : spreads) {
                rows.add(List.of(condition, s.group(), Integer.toString(s.medians().length), Units.format(s.low(), unit),
                        Units.format(s.middle(), unit), Units.format(s.high(), unit)));
                if (unit == chartUnit) {
                    bars.computeIfAbsent(s.group(), k -> new ArrayList<>()).add(new Bar(condition, s.middle(), s.low(), s.high()));
                }
            }
            own.ifPresent(m -> {
                rows.add(List.of(condition, THIS_MACHINE + " (" + mine.get().name() + ")", "1", "", Units.format(m, unit), ""));
            });
            if (own.isPresent() && unit == chartUnit) {
                bars.computeIfAbsent(THIS_MACHINE, k -> new ArrayList<>()).add(new Bar(condition, own.get(), own.get(), own.get()));
            }
            sentences.add(sentence(condition, spreads, own, unit));
        }
        String title = "The class's results in " + all.folder() + ": " + all.results().size() + " runs from "
                + all.groups().size() + " machine/JDK group" + (all.groups().size() == 1 ? "" : "s");
        Table table = new Table(title, List.of(Column.text("condition"), Column.text("machine · JDK"), Column.number("runs"),
                Column.number("lowest median"), Column.number("middle median"), Column.number("highest median")), rows);
        List<String> notes = new ArrayList<>();
        if (mine.isEmpty()) {
            notes.add("No run from this machine in " + all.folder() + "; add one with --save " + all.folder() + "/");
        }
        if (!all.skipped().isEmpty()) {
            notes.add("Skipped " + all.skipped().size() + " .json file(s) --save did not write: "
                    + String.join(", ", all.skipped().stream().limit(5).toList()));
        }
        StringBuilder text = new StringBuilder(table.toText());
        StringBuilder html = new StringBuilder("<div class=\"forklab-result\">\n").append(table.toHtml()).append("<ul class=\"forklab-ratios\">\n");
        sentences.forEach(line -> {
            text.append("* ").append(line).append('\n');
            html.append("<li>").append(Html.escape(line)).append("</li>\n");
        });
        html.append("</ul>\n");
        notes.forEach(line -> {
            text.append(line).append('\n');
            html.append("<p><small>").append(Html.escape(line)).append("</small></p>\n");
        });
        Bundle bundle = Bundle.of(text.toString(), html.append("</div>\n").toString());
        try {
            List<BarSeries> series = new ArrayList<>();
            bars.forEach((name, list) -> series.add(new BarSeries(name, list)));
            return bundle.withChart(ExperimentView.render(BarCharts.grouped("Middle run median per machine · JDK (bars: lowest to highest)",
                    "condition", new Quantity("median", chartUnit), series)));
        } catch (ChartRenderingException e) {
            return new Bundle(bundle.text() + "note: " + e.getMessage() + "\n", bundle.html(), Optional.empty());
        }
    }

    /** The groups that measured this condition, fastest middle median first. */
    static List<Spread> spreads(ClassResults all, String condition, Unit unit) {
        List<Spread> spreads = new ArrayList<>();
        all.groups().forEach((group, runs) -> {
            double[] medians = runs.stream().map(r -> median(r, condition, unit)).flatMap(Optional::stream)
                    .mapToDouble(Double::doubleValue).toArray();
            if (medians.length > 0) {
                spreads.add(new Spread(group, medians));
            }
        });
        spreads.sort(Comparator.comparingDouble(Spread::middle));
        return spreads;
    }

    /** The sentence under the table, chosen by the figures: how far apart, and where this machine stands. */
    static String sentence(String condition, List<Spread> spreads, Optional<Double> own, Unit unit) {
        StringBuilder s = new StringBuilder(condition).append(": ");
        Spread fastest = spreads.get(0);
        Spread slowest = spreads.get(spreads.size() - 1);
        if (spreads.size() == 1) {
            s.append("one machine/JDK group, ").append(fastest.medians().length).append(" run(s) with medians from ")
                    .append(Units.format(fastest.low(), unit)).append(" to ").append(Units.format(fastest.high(), unit))
                    .append(times(fastest.high(), fastest.low()));
        } else {
            s.append("the groups' middle medians run from ").append(Units.format(fastest.middle(), unit))
                    .append(" (").append(fastest.group()).append(") to ").append(Units.format(slowest.middle(), unit))
                    .append(" (").append(slowest.group()).append(")").append(times(slowest.middle(), fastest.middle()));
        }
        if (own.isPresent()) {
            long below = spreads.stream().filter(g -> g.middle() < own.get()).count();
            s.append("; this machine measured ").append(Units.format(own.get(), unit)).append(", ");
            s.append(below == 0 ? "at or below every group's middle median"
                    : below == spreads.size() ? "above every group's middle median"
                    : "above " + below + " of " + spreads.size() + " groups' middle medians");
        }
        return s.append('.').toString();
    }

    private static String times(double high, double low) {
        return low > 0 ? String.format(Locale.ROOT, ", %.1f× apart", high / low) : "";
    }

    private static Unit unitOf(List<SavedResult> results, String condition) {
        return results.stream().flatMap(r -> r.samples().stream()).filter(s -> s.label().equals(condition) && s.size() > 0)
                .findFirst().map(Samples::unit).orElse(Unit.NANOSECONDS);
    }

    private static Optional<Double> median(SavedResult r, String condition, Unit unit) {
        return r.samples().stream().filter(s -> s.label().equals(condition) && s.size() > 0 && s.unit() == unit)
                .findFirst().map(Samples::values).map(v -> Summary.of(v).median());
    }
}
