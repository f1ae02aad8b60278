package org.forklab.magics;

import org.forklab.experiments.core.TimeLimit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.forklab.charts.Bar;
import org.forklab.charts.BarCharts;
import org.forklab.charts.BarSeries;
import org.forklab.charts.ChartRenderingException;
import org.forklab.charts.Quantity;
import org.forklab.experiments.share.ProcessObservation;
import org.forklab.experiments.share.ShareConfig;
import org.forklab.experiments.share.ShareExperiment;
import org.forklab.experiments.share.ShareResult;
import org.forklab.experiments.share.ShareRow;
import org.forklab.experiments.share.ThreadObservation;
import org.forklab.magics.io.Bench;
import org.forklab.magics.io.Bundle;
import org.forklab.stats.format.Html;
import org.forklab.magics.parse.CapOptions;
import org.forklab.magics.parse.ChecksConfiguration;
import org.forklab.magics.parse.HelpOption;
import org.forklab.magics.parse.JavaName;
import org.forklab.magics.parse.LineMagic;
import org.forklab.magics.parse.Range;
import org.forklab.magics.parse.ResultOptions;
import org.forklab.magics.parse.Seconds;
import org.forklab.magics.view.ExperimentRun;
import org.forklab.magics.view.ExperimentView;
import org.forklab.stats.format.Column;
import org.forklab.stats.format.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** %share: the lesson's resource table, each row observed in W threads and in W processes. */
@Command(name = "share", description = "Observe what threads share and processes own: ids, stacks, heap, descriptors, globals.",
        showDefaultValues = true, sortOptions = false)
public final class ShareMagic implements LineMagic, ChecksConfiguration {
    @Mixin
    HelpOption help;

    @Option(names = {"-w", "--workers"}, paramLabel = "W", description = "Threads, and child processes, to observe.")
    @Range(min = 1, max = ShareConfig.MAX_WORKERS)
    int workers = 2;

    @Option(names = "--timeout", paramLabel = "TIME", converter = Seconds.class, defaultValue = "60s",
            description = "Stop the whole run after this long.")
    @Range(min = TimeLimit.MIN_SECONDS, max = TimeLimit.MAX_SECONDS)
    Duration timeout;

    @Mixin
    CapOptions caps;

    @Option(names = "--as", paramLabel = "NAME", converter = JavaName.class,
            description = "Bind the result object to this variable for later Java cells.")
    String as;

    @Override
    public void checkConfiguration() {
        config();
    }

    ShareConfig config() {
        return ShareConfig.defaults(caps.caps()).withWorkers(workers).withTimeLimit(timeout);
    }

    @Override
    public void run(Bench bench) throws Exception {
        ShareConfig config = config();
        ExperimentRun.run(bench, "%share", progress -> ShareExperiment.run(config, progress), ShareMagic::view,
                ResultOptions.bindingOnly(as));
    }

    /** The resource table as observed, with where each row was observed. */
    public static Bundle view(ShareResult r) {
        List<List<String>> rows = new ArrayList<>();
        for (ShareRow row : r.rows()) {
            rows.add(List.of(row.resource(), row.threads(), row.processes(), row.shows(), row.source()));
        }
        Table table = new Table("What threads share and processes own, observed with " + r.config().workers() + " of each",
                List.of(Column.text("resource"), Column.text("threads"), Column.text("processes"), Column.text("shows"),
                        Column.text("observed by")), rows);
        StringBuilder text = new StringBuilder(table.toText(Table.NOTEBOOK_COLUMNS)); // its cells are sentences
        StringBuilder html = new StringBuilder("<div class=\"forklab-result\">\n").append(table.toHtml())
                .append(Bundle.CHART_SLOT).append('\n'); // the chart before the notes
        r.nativeSkipped().ifPresent(why -> {
            text.append("note: native rows not observed: ").append(why).append('\n');
            html.append("<p>note: native rows not observed: ").append(Html.escape(why)).append("</p>\n");
        });
        String machine = ExperimentView.machineLine(r.environment());
        text.append(machine).append('\n');
        html.append("<p><small>").append(Html.escape(machine)).append("</small></p>\n</div>\n");
        Bundle bundle = Bundle.of(text.toString(), html.toString());
        try {
            return bundle.withChart(ExperimentView.render(BarCharts.grouped("Distinct ids and stack pointers among " + r.config().workers()
                            + " workers: 1 means one shared, " + r.config().workers() + " means one each", "resource",
                    Quantity.count("distinct values", "values"), distinctValues(r))));
        } catch (ChartRenderingException | IllegalArgumentException e) {
            return bundle;
        }
    }

    /** Per resource observable in both, how many different values the threads and the processes showed. */
    static List<BarSeries> distinctValues(ShareResult r) {
        List<ThreadObservation> ts = r.javaThreads().threads();
        List<ProcessObservation> ps = r.javaProcesses().processes();
        List<Bar> threads = List.of(
                Bar.of("PID", distinct(ts.stream().map(ThreadObservation::pid))),
                Bar.of("TID", distinct(ts.stream().map(ThreadObservation::tid))),
                Bar.of("stack pointer", distinct(ts.stream().flatMap(o -> o.stackPointer().stream()))));
        List<Bar> processes = List.of(
                Bar.of("PID", distinct(ps.stream().map(ProcessObservation::pid))),
                Bar.of("TID", distinct(ps.stream().map(ProcessObservation::tid))),
                Bar.of("stack pointer", distinct(ps.stream().flatMap(o -> o.stackPointer().stream()))));
        return List.of(new BarSeries("threads", threads), new BarSeries("processes", processes));
    }

    private static double distinct(java.util.stream.Stream<?> values) {
        return values.distinct().count();
    }
}
