package org.forklab.magics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.forklab.charts.Bar;
import org.forklab.charts.BarCharts;
import org.forklab.charts.BarSeries;
import org.forklab.charts.ChartRenderingException;
import org.forklab.charts.Quantity;
import org.forklab.experiments.faults.FaultConfig;
import org.forklab.experiments.faults.FaultExperiment;
import org.forklab.experiments.faults.FaultKind;
import org.forklab.experiments.faults.FaultMode;
import org.forklab.experiments.faults.FaultOutcome;
import org.forklab.experiments.faults.FaultResult;
import org.forklab.experiments.faults.HealthyEnds;
import org.forklab.magics.io.Bench;
import org.forklab.magics.io.Bundle;
import org.forklab.stats.format.Html;
import org.forklab.magics.parse.Choices;
import org.forklab.magics.parse.CapOptions;
import org.forklab.magics.parse.ChecksConfiguration;
import org.forklab.magics.parse.HelpOption;
import org.forklab.magics.parse.LineMagic;
import org.forklab.magics.parse.Range;
import org.forklab.magics.parse.JavaName;
import org.forklab.magics.parse.ResultOptions;
import org.forklab.magics.parse.RunTimeout;
import org.forklab.magics.parse.Seconds;
import org.forklab.magics.view.ExperimentRun;
import org.forklab.magics.view.ExperimentView;
import org.forklab.stats.format.Column;
import org.forklab.stats.format.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** %crash: inject a fault into one worker of a group, as threads and as processes, and count the survivors. */
@Command(name = "crash", description = "Inject faults into one of W workers, as threads and as processes; count survivors.",
        showDefaultValues = true, sortOptions = false)
public final class CrashMagic implements LineMagic, ChecksConfiguration {
    @Mixin
    HelpOption help;

    @Option(names = {"-k", "--kinds"}, paramLabel = "LIST", split = ",", defaultValue = "all",
            completionCandidates = Choices.FaultKinds.class,
            description = "Faults, or all: ${COMPLETION-CANDIDATES}.")
    List<String> kinds;

    @Option(names = {"-m", "--modes"}, paramLabel = "LIST", split = ",", defaultValue = "threads,processes",
            completionCandidates = Choices.FaultModes.class,
            description = "Run the group as threads, processes, or both.")
    List<String> modes;

    @Option(names = {"-w", "--workers"}, paramLabel = "W", description = "Workers in the group.")
    @Range(min = FaultConfig.MIN_WORKERS, max = FaultConfig.MAX_WORKERS)
    int workers = 4;

    @Option(names = "--faulty", paramLabel = "I", description = "Which worker fails, 0 to W-1.")
    @Range(min = 0, max = FaultConfig.MAX_WORKERS - 1)
    int faulty;

    @Option(names = "--work", paramLabel = "TIME", converter = Seconds.class, defaultValue = "200ms",
            description = "How long each healthy worker works.")
    @Range(min = FaultConfig.MIN_WORK_SECONDS, max = FaultConfig.MAX_WORK_SECONDS)
    Duration work;

    @Mixin
    RunTimeout timeout;

    @Mixin
    CapOptions caps;

    @Option(names = "--as", paramLabel = "NAME", converter = JavaName.class,
            description = "Bind the result object to this variable for later Java cells.")
    String as;

    @Override
    public void checkConfiguration() {
        config();
    }

    FaultConfig config() {
        List<FaultKind> k = kinds.contains("all") ? List.of(FaultKind.values())
                : kinds.stream().map(FaultKind::fromWord).distinct().toList();
        List<FaultMode> m = modes.stream().map(FaultMode::fromWord).distinct().toList();
        return FaultConfig.defaults(caps.caps()).withWorkers(workers).withFaultyWorker(faulty).withKinds(k).withModes(m)
                .withWork(work).withTimeLimit(timeout.limit());
    }

    @Override
    public void run(Bench bench) throws Exception {
        FaultConfig config = config();
        ExperimentRun.run(bench, "%crash", progress -> FaultExperiment.run(config, progress), CrashMagic::view,
                ResultOptions.bindingOnly(as));
    }

    /** One row per fault and mode: survivors, blast radius, how the processes ended; bars of survivors. */
    public static Bundle view(FaultResult r) {
        List<List<String>> rows = new ArrayList<>();
        List<Bar> survived = new ArrayList<>();
        List<Bar> died = new ArrayList<>();
        List<Bar> corrupted = new ArrayList<>();
        for (FaultOutcome o : r.outcomes()) {
            HealthyEnds ends = o.healthyEnds();
            rows.add(List.of(o.kind().word(), o.mode().word(), o.mechanism(), ends.survived() + " of " + ends.total(),
                    Integer.toString(ends.died()), Integer.toString(ends.corrupted()),
                    o.blastRadius().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '),
                    o.processes().stream().map(p -> p.role() + " " + p.describe()).collect(Collectors.joining("; "))));
            // fault first: it is what tells two bars apart; the mode follows
            String bar = o.kind().word() + ", " + o.mode().word();
            survived.add(Bar.of(bar, ends.survived()));
            died.add(Bar.of(bar, ends.died()));
            corrupted.add(Bar.of(bar, ends.corrupted()));
        }
        Table table = new Table("One faulty worker of " + r.config().workers() + ": who survives?",
                List.of(Column.text("fault"), Column.text("as"), Column.text("run by"), Column.number("healthy survived"),
                        Column.number("died"), Column.number("corrupted (silently wrong)"),
                        Column.text("blast radius"), Column.text("processes ended")), rows);
        StringBuilder text = new StringBuilder(table.toText());
        StringBuilder html = new StringBuilder("<div class=\"forklab-result\">\n").append(table.toHtml())
                .append(Bundle.CHART_SLOT).append('\n'); // the chart before the notes
        List<String> notes = new ArrayList<>();
        r.skipped().forEach((what, why) -> notes.add("not run: " + what + " (" + why + ")"));
        notes.add("the notebook's kernel ran none of this itself: every group ran in a sandbox child process");
        notes.forEach(n -> text.append("note: ").append(n).append('\n'));
        html.append("<ul class=\"forklab-notes\">\n");
        notes.forEach(n -> html.append("<li>").append(Html.escape(n)).append("</li>\n"));
        html.append("</ul>\n");
        String machine = ExperimentView.machineLine(r.environment());
        text.append(machine).append('\n');
        html.append("<p><small>").append(Html.escape(machine)).append("</small></p>\n</div>\n");
        Bundle bundle = Bundle.of(text.toString(), html.toString());
        if (survived.isEmpty()) {
            return bundle;
        }
        List<BarSeries> layers = List.of(new BarSeries("survived", survived), new BarSeries("died", died),
                new BarSeries("corrupted (silently wrong)", corrupted));
        try {
            return bundle.withChart(ExperimentView.render(BarCharts.stacked("How the other workers ended after one worker's fault",
                    Quantity.count("healthy workers", "workers"), layers)));
        } catch (ChartRenderingException e) {
            return new Bundle(bundle.text() + "note: " + e.getMessage() + "\n", bundle.html(), java.util.Optional.empty());
        }
    }
}
