package org.forklab.magics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.forklab.charts.ChartRenderingException;
import org.forklab.charts.Quantity;
import org.forklab.charts.ScatterCharts;
import org.forklab.experiments.core.Caps;
import org.forklab.experiments.scale.ScaleConfig;
import org.forklab.experiments.scale.ScaleExperiment;
import org.forklab.experiments.scale.ScaleResult;
import org.forklab.experiments.scale.Series;
import org.forklab.magics.io.Bench;
import org.forklab.magics.io.Bundle;
import org.forklab.stats.format.Html;
import org.forklab.magics.claims.ClaimOutcome;
import org.forklab.magics.claims.Facts;
import org.forklab.magics.parse.ByteSize;
import org.forklab.magics.parse.ChecksConfiguration;
import org.forklab.magics.parse.HelpOption;
import org.forklab.magics.parse.LineMagic;
import org.forklab.magics.parse.Range;
import org.forklab.magics.parse.ResultOptions;
import org.forklab.magics.parse.RunTimeout;
import org.forklab.magics.view.ExperimentRun;
import org.forklab.magics.view.ExperimentView;
import org.forklab.stats.Unit;
import org.forklab.stats.format.SlopeTable;
import org.forklab.stats.format.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** %scale: memory and creation time against count for threads, virtual threads and processes; the slope per entity. */
@Command(name = "scale", description = "Measure memory and creation time per thread, virtual thread and process (slope over counts).",
        showDefaultValues = true, sortOptions = false)
public final class ScaleMagic implements LineMagic, ChecksConfiguration {
    @Mixin
    HelpOption help;

    @Option(names = {"-k", "--kinds"}, paramLabel = "LIST", split = ",", defaultValue = "all",
            description = "What to create, or all: platform-threads, virtual-threads, processes (idle 'sleep' children),"
                    + " forked-processes (idle copies of the native probe, forked without exec).")
    List<String> kinds;

    @Option(names = "--threads", paramLabel = "COUNTS", split = ",", defaultValue = "25,50,100,150,200",
            description = "Platform thread counts.")
    @Range(min = 1, max = 1_000_000)
    List<Long> threads;

    @Option(names = "--virtual", paramLabel = "COUNTS", split = ",", defaultValue = "500,1000,2000,3000,4000",
            description = "Virtual thread counts.")
    @Range(min = 1, max = 10_000_000)
    List<Long> virtual;

    @Option(names = "--processes", paramLabel = "COUNTS", split = ",", defaultValue = "4,8,12,16,20",
            description = "Idle process counts.")
    @Range(min = 1, max = 100_000)
    List<Long> processes;

    @Option(names = "--stack", paramLabel = "SIZE", converter = ByteSize.Converter.class,
            description = "Stack size asked for each platform thread (default: the JVM's -Xss).")
    @Range(min = 64 << 10, max = 1L << 30)
    ByteSize stack;

    @Option(names = "--max-threads", paramLabel = "N", description = "Raise the thread safety cap.")
    @Range(min = 1, max = 10_000_000)
    Long maxThreads;

    @Option(names = "--max-virtual-threads", paramLabel = "N", description = "Raise the virtual-thread safety cap.")
    @Range(min = 1, max = 100_000_000)
    Long maxVirtualThreads;

    @Option(names = "--max-processes", paramLabel = "N", description = "Raise the process safety cap.")
    @Range(min = 1, max = 1_000_000)
    Long maxProcesses;

    @Mixin
    RunTimeout timeout;

    @Mixin
    ResultOptions result;

    @Override
    public void checkConfiguration() {
        config();
    }

    ScaleConfig config() {
        List<String> k = kinds.contains("all") ? ScaleConfig.KINDS
                : kinds.stream().map(w -> w.toLowerCase(Locale.ROOT)).distinct().toList();
        ScaleConfig c = ScaleConfig.defaults().withKinds(k).withThreadCounts(threads).withVirtualCounts(virtual)
                .withProcessCounts(processes).withThreadStackBytes(stack == null ? 0 : stack.bytes()).withTimeLimit(timeout.limit());
        if (maxThreads != null || maxVirtualThreads != null || maxProcesses != null) {
            c = c.withCapsRaisedTo(new Caps(orZero(maxThreads), orZero(maxProcesses), orZero(maxVirtualThreads), 0));
        }
        return c;
    }

    private static long orZero(Long v) {
        return v == null ? 0 : v;
    }

    @Override
    public void run(Bench bench) throws Exception {
        ScaleConfig config = config();
        ExperimentRun.run(bench, "%scale", progress -> ScaleExperiment.run(config, progress), ScaleMagic::view, result);
    }

    /** Slopes per entity with their intervals, the claims, the machine's limits, and RSS against count. */
    public static Bundle view(ScaleResult r) {
        SlopeTable slopes = new SlopeTable();
        for (Series s : r.series()) {
            slopes.add(s.kind(), s.quantity(), s.x(), s.y(), Unit.ofWord(s.unit()), s.unit().equals("ns"));
        }
        Table table = slopes.table("Cost per entity: least-squares slope over the counts");
        Table kernel = KernelMemoryTable.of(r);
        List<ClaimOutcome> claims = ClaimOutcome.forResult(r, r.environment());
        Bundle claimsPart = ExperimentView.of("The lesson's claims", "x", List.of(), claims, notes(r), r.environment());
        String text = table.toText() + kernel.toText() + claimsPart.text();
        String html = "<div class=\"forklab-result\">\n" + table.toHtml() + kernel.toHtml() + claimsPart.html() + "</div>\n";
        Bundle bundle = Bundle.of(text, html);
        try {
            // the kind whose resident memory follows its count best: a chart of a fit too poor to tell
            // (platform threads' RSS, r² 0.03, in one lesson run) showed noise while processes' fitted well
            Series rss = r.series().stream().filter(s -> s.quantity().equals("RSS") && s.x().length >= 2)
                    .max(java.util.Comparator.comparingDouble(ScaleMagic::fitQuality)).orElse(null);
            if (rss == null) {
                return bundle;
            }
            String kind = rss.kind().replace('-', ' ');
            return bundle.withChart(ExperimentView.render(ScatterCharts.withFit("Resident memory against count: " + kind,
                    org.forklab.charts.Quantity.count(kind), new Quantity("RSS", org.forklab.stats.Unit.BYTES),
                    rss.x(), rss.y(), one(rss.kind()))));
        } catch (ChartRenderingException | IllegalArgumentException e) {
            return bundle;
        }
    }

    /** A fit that can carry a verdict ranks above any that cannot; then by r². */
    private static double fitQuality(Series s) {
        org.forklab.stats.Regression fit = org.forklab.stats.Regression.of(s.x(), s.y());
        double r2 = Double.isNaN(fit.rSquared()) ? 0 : fit.rSquared();
        return (fit.tooPoorToTell().isEmpty() ? 1 : 0) + r2;
    }

    /** "platform-threads" → "platform thread", "processes" → "process": one of the kind, for "per …". */
    static String one(String kind) {
        String words = kind.replace('-', ' ');
        return words.endsWith("sses") ? words.substring(0, words.length() - 2)
                : words.endsWith("s") ? words.substring(0, words.length() - 1) : words;
    }

    private static List<String> notes(ScaleResult r) {
        List<String> notes = new ArrayList<>();
        r.skipped().forEach((k, why) -> notes.add("not measured: " + k + " (" + why + ")"));
        // typical thread and process counts against this machine's ceilings and the counts reached
        notes.addAll(Facts.answeredBy(r, r.limits()));
        return notes;
    }

    static String escape(String s) {
        return Html.escape(s);
    }
}
