package org.forklab.magics;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.forklab.charts.Bar;
import org.forklab.charts.BarCharts;
import org.forklab.charts.BarSeries;
import org.forklab.charts.ChartRenderingException;
import org.forklab.charts.Quantity;
import org.forklab.experiments.core.Samples;
import org.forklab.magics.io.Bench;
import org.forklab.magics.io.Bundle;
import org.forklab.stats.format.Html;
import org.forklab.magics.parse.HelpOption;
import org.forklab.magics.parse.JavaName;
import org.forklab.magics.parse.LineMagic;
import org.forklab.experiments.core.Environment;
import org.forklab.magics.save.ClassResults;
import org.forklab.magics.save.ClassView;
import org.forklab.magics.save.ResultFiles;
import org.forklab.magics.save.Saver;
import org.forklab.magics.save.SavedResult;
import org.forklab.magics.readings.CompareReading;
import org.forklab.magics.readings.Reading;
import org.forklab.magics.view.ExperimentView;
import org.forklab.magics.view.SpreadNotes;
import org.forklab.spi.UsageError;
import org.forklab.stats.Blocks;
import org.forklab.stats.Comparison;
import org.forklab.stats.NamedSummary;
import org.forklab.stats.Summary;
import org.forklab.stats.Unit;
import org.forklab.stats.format.ComparisonText;
import org.forklab.stats.format.SummaryTable;
import org.forklab.stats.format.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** %compare: results saved with --save (on this machine or others) side by side. */
@Command(name = "compare", description = "Compare results saved with --save side by side: table, grouped bars, ratios.",
        showDefaultValues = true, sortOptions = false)
public final class CompareMagic implements LineMagic {
    @Mixin
    HelpOption help;

    @Option(names = "--condition", paramLabel = "TEXT",
            description = "Only conditions whose name contains this text, e.g. fork.")
    String condition;

    @Option(names = "--as", paramLabel = "NAME", converter = JavaName.class,
            description = "Bind the loaded results (a List of SavedResult) to this variable.")
    String as;

    @Option(names = "--mine", paramLabel = "FILE",
            description = "With a FOLDER: this machine's run, if not the newest one saved here from this host.")
    String mine;

    @Parameters(paramLabel = "FILE", arity = "1..20", description = {"Result files (.json) written by --save; the first is the baseline.",
            "Or one FOLDER (a class's --save DIR/): its runs grouped by machine and JDK, this machine's beside them."})
    List<String> files = new ArrayList<>();

    @Override
    public void run(Bench bench) {
        if (files.size() == 1 && isFolder(files.get(0))) {
            ClassResults all = ClassResults.load(Path.of(files.get(0)));
            Optional<SavedResult> own = mine != null ? Optional.of(all.find(mine).orElseGet(() -> ResultFiles.load(mine)))
                    : all.mine(Saver.current(), Environment.current());
            bench.show(ClassView.view(all, own, condition));
            bench.bind(as, all.results());
            return;
        }
        if (mine != null) {
            throw new UsageError("%compare: --mine goes with one FOLDER of saved results, not with files; e.g. %compare class-results/ --mine "
                    + mine);
        }
        List<SavedResult> results = files.stream().map(ResultFiles::load).toList();
        bench.show(view(results, condition));
        bench.bind(as, results);
    }

    private static boolean isFolder(String name) {
        try {
            return Files.isDirectory(Path.of(name));
        } catch (InvalidPathException e) {
            return false;
        }
    }

    /** Rows per result and condition, grouped bars of the medians with their intervals, ratios to the first. */
    public static Bundle view(List<SavedResult> results, String filter) {
        Set<String> conditions = new LinkedHashSet<>();
        results.forEach(r -> r.samples().forEach(s -> {
            if (s.size() > 0 && (filter == null || s.label().contains(filter))) {
                conditions.add(s.label());
            }
        }));
        if (conditions.isEmpty()) {
            throw new UsageError("%compare: no condition " + (filter == null ? "with samples" : "contains '" + filter + "'")
                    + " in " + String.join(", ", results.stream().map(SavedResult::name).toList()));
        }
        Unit unit = sample(results.get(0), conditions).map(Samples::unit).orElse(Unit.NANOSECONDS);
        List<NamedSummary> rows = new ArrayList<>();
        Map<String, List<Bar>> bars = new LinkedHashMap<>();
        List<String> ratios = new ArrayList<>();
        for (String c : conditions) {
            Optional<Samples> baseline = find(results.get(0), c);
            for (SavedResult r : results) {
                Optional<Samples> s = find(r, c);
                if (s.isEmpty() || s.get().unit() != unit) {
                    continue;
                }
                Summary summary = Summary.of(s.get().values());
                rows.add(new NamedSummary(r.name() + ": " + c, summary));
                bars.computeIfAbsent(r.name(), k -> new ArrayList<>()).add(new Bar(c, summary.median(),
                        Math.min(summary.median(), summary.medianInterval().low()),
                        Math.max(summary.median(), summary.medianInterval().high())));
                if (r != results.get(0) && baseline.isPresent()) {
                    // separate runs: compare stretches of time (block medians), not samples that share a moment
                    ratios.add(c + " (medians of " + Blocks.DEFAULT + " consecutive blocks per file): "
                            + ComparisonText.verdictLine(results.get(0).name(), r.name(),
                            Comparison.of(Blocks.medians(baseline.get().values()), Blocks.medians(s.get().values()))));
                }
            }
        }
        String title = "Saved results side by side (baseline " + results.get(0).name() + ")";
        Reading reading = CompareReading.of(results.stream().map(r -> new CompareReading.Run(r.name(), r.samples())).toList(),
                List.copyOf(conditions));
        Table table = SummaryTable.of(title, rows, unit);
        SpreadNotes spread = new SpreadNotes().add(rows, unit);
        StringBuilder text = new StringBuilder(reading.text()).append(table.toText()).append('\n');
        StringBuilder html = new StringBuilder(reading.html()).append("<div class=\"forklab-result\">\n")
                .append(table.toHtml()).append(Bundle.CHART_SLOT).append('\n');
        ratios.forEach(line -> text.append("* ").append(line).append('\n'));
        if (!ratios.isEmpty()) {
            html.append("<ul class=\"forklab-ratios\">\n");
            ratios.forEach(line -> html.append("<li>").append(Html.escape(line)).append("</li>\n"));
            html.append("</ul>\n");
        }
        spread.line().ifPresent(l -> text.append("note: ").append(l).append('\n'));
        html.append(spread.html());
        for (SavedResult r : results) {
            String line = r.name() + ": " + r.source() + " on " + r.machine();
            text.append(line).append('\n');
            html.append("<p><small>").append(Html.escape(line)).append("</small></p>\n");
        }
        text.append(spread.textDetails());
        Bundle bundle = Bundle.of(text.toString(), html.append("</div>\n").toString());
        try {
            List<BarSeries> series = new ArrayList<>();
            bars.forEach((name, list) -> series.add(new BarSeries(name, list)));
            return bundle.withChart(ExperimentView.render(BarCharts.grouped("Median per condition", "condition",
                    new Quantity("median", unit), series)));
        } catch (ChartRenderingException e) {
            return new Bundle(bundle.text() + "note: " + e.getMessage() + "\n", bundle.html(), Optional.empty());
        }
    }

    private static Optional<Samples> find(SavedResult r, String condition) {
        return r.samples().stream().filter(s -> s.label().equals(condition) && s.size() > 0).findFirst();
    }

    private static Optional<Samples> sample(SavedResult r, Set<String> conditions) {
        return r.samples().stream().filter(s -> conditions.contains(s.label())).findFirst();
    }
}
