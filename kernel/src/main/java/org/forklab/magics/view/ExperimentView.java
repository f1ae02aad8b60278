package org.forklab.magics.view;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.forklab.charts.BoxPlots;
import org.forklab.charts.ChartImages;
import org.forklab.charts.ChartRenderingException;
import org.forklab.charts.Quantity;
import org.forklab.charts.RenderedChart;
import org.forklab.charts.SampleSet;
import org.forklab.experiments.core.Environment;
import org.forklab.experiments.core.Samples;
import org.forklab.magics.io.Bundle;
import org.forklab.stats.format.Html;
import org.forklab.magics.claims.ClaimOutcome;
import org.forklab.stats.ClaimCheck;
import org.forklab.stats.NamedSummary;
import org.forklab.stats.Summary;
import org.forklab.stats.Unit;
import org.forklab.stats.format.ClaimTable;
import org.forklab.stats.format.SummaryTable;
import org.forklab.stats.format.Table;

/**
 * The one display of an experiment, after its reading: statistics table per unit, the lesson's
 * claims next to the measurements, a box plot of the raw samples (PNG at 2× and SVG), the likely
 * cause where a claim disagrees, notes (skipped conditions, spread counted in one line with the
 * rows' details folded), and the machine in one line.
 */
public final class ExperimentView {
    private ExperimentView() {
    }

    /**
     * @param title    what was measured, e.g. "Creating work: threads versus processes"
     * @param quantity the chart's axis name, e.g. "time per operation"
     * @param samples  the conditions to show (empty ones are left out)
     * @param claims   claims answered by these samples
     * @param notes    one line each: skipped conditions, other findings
     */
    public static Bundle of(String title, String quantity, List<Samples> samples, List<ClaimOutcome> claims,
                            List<String> notes, Environment env) {
        return of(title, quantity, samples, List.of(), claims, notes, env);
    }

    /**
     * @param more tables shown under the statistics, e.g. the medians of each child JVM beside the
     *             rows that pool them
     */
    public static Bundle of(String title, String quantity, List<Samples> samples, List<Table> more,
                            List<ClaimOutcome> claims, List<String> notes, Environment env) {
        StringBuilder text = new StringBuilder();
        StringBuilder html = new StringBuilder("<div class=\"forklab-result\">\n<h4>").append(Html.escape(title)).append("</h4>\n");
        Map<Unit, List<Samples>> byUnit = new LinkedHashMap<>();
        for (Samples s : samples) {
            if (s.size() > 0) {
                byUnit.computeIfAbsent(s.unit(), u -> new ArrayList<>()).add(s);
            }
        }
        List<String> allNotes = new ArrayList<>(notes);
        SpreadNotes spread = new SpreadNotes();
        byUnit.forEach((unit, group) -> {
            List<NamedSummary> rows = group.stream().map(s -> new NamedSummary(s.label(), Summary.of(s.values()))).toList();
            Table table = SummaryTable.of(title, rows, unit);
            text.append(table.toText()).append('\n');
            // the heading above already says the title: the caption says what the table holds
            html.append(SummaryTable.of("Statistics of each condition", rows, unit).toHtml());
            spread.add(rows, unit);
        });
        more.forEach(t -> {
            text.append(t.toText()).append('\n');
            html.append(t.toHtml());
        });
        Bundle.Chart chart = null;
        if (!byUnit.isEmpty()) {
            Map.Entry<Unit, List<Samples>> first = byUnit.entrySet().iterator().next();
            try {
                // the chart says what was measured, not the heading again: "Time per operation, every sample"
                chart = chart(Character.toUpperCase(quantity.charAt(0)) + quantity.substring(1) + ", every sample",
                        new Quantity(quantity, first.getKey()), first.getValue());
            } catch (ChartRenderingException e) {
                allNotes.add(e.getMessage());
            }
        }
        if (!claims.isEmpty()) {
            List<ClaimCheck> checks = claims.stream().map(ClaimOutcome::check).toList();
            text.append(ClaimTable.text("The lesson's claims on this machine", checks));
            html.append(ClaimTable.html("The lesson's claims on this machine", checks));
        }
        html.append(Bundle.CHART_SLOT).append('\n'); // reading, tables, chart, then the notes
        if (!claims.isEmpty()) {
            List<String> sentences = claims.stream().flatMap(c -> c.sentence().stream()).toList();
            sentences.forEach(s -> text.append("* ").append(s).append('\n'));
            list(html, "forklab-causes", sentences);
        }
        spread.line().ifPresent(l -> text.append("note: ").append(l).append('\n'));
        allNotes.forEach(n -> text.append("note: ").append(n).append('\n'));
        list(html, "forklab-notes", allNotes);
        html.append(spread.html());
        String machine = machineLine(env);
        text.append(machine).append('\n').append(spread.textDetails());
        html.append("<p class=\"forklab-machine\"><small>").append(Html.escape(machine)).append("</small></p>\n</div>\n");
        Bundle bundle = Bundle.of(text.toString(), html.toString());
        return chart == null ? bundle : bundle.withChart(chart);
    }

    /** A box plot of {@code samples}, rendered. */
    public static Bundle.Chart chart(String title, Quantity quantity, List<Samples> samples) {
        List<SampleSet> sets = samples.stream().map(s -> new SampleSet(s.label(), s.values())).toList();
        return render(BoxPlots.of(title, quantity, sets));
    }

    /** Any chart as PNG at 2× and SVG. */
    public static Bundle.Chart render(org.jfree.chart.JFreeChart chart) {
        RenderedChart rendered = ChartImages.render(chart);
        return new Bundle.Chart(rendered.png(), rendered.width(), rendered.height(), rendered.scale(), rendered.svg());
    }

    /** "measured on: Intel ..., 2 CPUs (affinity 0-1), Linux 6.1, JDK 17.0.15, launch POSIX_SPAWN, 4 KB pages, THP madvise". */
    public static String machineLine(Environment env) {
        return "measured on: " + env.cpuModel() + ", " + env.cpus() + " CPUs (affinity " + env.cpuAffinity() + "), Linux "
                + env.kernelRelease() + ", JDK " + env.jdk() + ", process launch " + env.launchMechanism() + ", "
                + env.pageSize() / 1024 + " KB pages, THP " + env.transparentHugePages()
                + (org.forklab.magics.MachineFacts.hypervisor() ? ", virtual machine" : "");
    }

    private static void list(StringBuilder html, String cssClass, List<String> items) {
        if (!items.isEmpty()) {
            html.append("<ul class=\"").append(cssClass).append("\">\n");
            items.forEach(i -> html.append("<li>").append(Html.escape(i)).append("</li>\n"));
            html.append("</ul>\n");
        }
    }
}
