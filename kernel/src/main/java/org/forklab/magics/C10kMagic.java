package org.forklab.magics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.forklab.charts.ChartRenderingException;
import org.forklab.charts.Quantity;
import org.forklab.charts.SweepCharts;
import org.forklab.charts.SweepSeries;
import org.forklab.experiments.c10k.C10kConfig;
import org.forklab.experiments.c10k.C10kExperiment;
import org.forklab.experiments.c10k.C10kPoint;
import org.forklab.experiments.c10k.C10kResult;
import org.forklab.magics.io.Bench;
import org.forklab.magics.io.Bundle;
import org.forklab.magics.claims.ClaimOutcome;
import org.forklab.magics.claims.Facts;
import org.forklab.magics.parse.Choices;
import org.forklab.magics.parse.CapOptions;
import org.forklab.magics.parse.ChecksConfiguration;
import org.forklab.magics.parse.HelpOption;
import org.forklab.magics.parse.LineMagic;
import org.forklab.magics.parse.Range;
import org.forklab.magics.parse.ResultOptions;
import org.forklab.magics.parse.RunTimeout;
import org.forklab.magics.view.ExperimentRun;
import org.forklab.magics.view.ExperimentView;
import org.forklab.stats.Unit;
import org.forklab.stats.format.Column;
import org.forklab.stats.format.Table;
import org.forklab.stats.format.Units;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** %c10k: a loopback echo server holding K connections, as thread per connection, virtual threads and one selector. */
@Command(name = "c10k", description = "Hold many connections: thread per connection vs virtual threads vs one selector loop.",
        showDefaultValues = true, sortOptions = false)
public final class C10kMagic implements LineMagic, ChecksConfiguration {
    @Mixin
    HelpOption help;

    @Option(names = {"-s", "--servers"}, paramLabel = "LIST", split = ",", defaultValue = "all",
            completionCandidates = Choices.Servers.class,
            description = "Server designs, or all: ${COMPLETION-CANDIDATES}.")
    List<String> servers;

    @Option(names = {"-k", "--clients"}, paramLabel = "COUNTS", split = ",", defaultValue = "10,100,1000",
            description = "Connections held at once, each count with a fresh server.")
    @Range(min = 1, max = C10kConfig.MAX_CLIENTS)
    List<Integer> clients;

    @Option(names = {"-r", "--round-trips"}, paramLabel = "R", description = "Echo round trips per client.")
    @Range(min = 1, max = C10kConfig.MAX_ROUND_TRIPS)
    int roundTrips = 20;

    @Option(names = "--message", paramLabel = "BYTES", description = "Bytes per message.")
    @Range(min = 1, max = C10kConfig.MAX_MESSAGE_BYTES)
    int message = 64;

    @Mixin
    RunTimeout timeout;

    @Mixin
    CapOptions caps;

    @Mixin
    ResultOptions result;

    @Override
    public void checkConfiguration() {
        config();
    }

    C10kConfig config() {
        List<String> s = servers.contains("all") ? C10kConfig.SERVERS
                : servers.stream().map(w -> w.toLowerCase(Locale.ROOT)).distinct().toList();
        return C10kConfig.defaults().withServers(s).withClients(clients).withRoundTrips(roundTrips)
                .withMessageBytes(message).withCaps(caps.caps()).withTimeLimit(timeout.limit());
    }

    @Override
    public void run(Bench bench) throws Exception {
        C10kConfig config = config();
        ExperimentRun.run(bench, "%c10k", progress -> C10kExperiment.run(config, progress), C10kMagic::view, result);
    }

    /** Per server and client count: throughput, server memory and threads held; latency table; throughput sweep. */
    public static Bundle view(C10kResult r) {
        List<List<String>> rows = new ArrayList<>();
        for (C10kPoint p : r.points()) {
            rows.add(List.of(p.server(), Integer.toString(p.clients()), String.format(Locale.ROOT, "%,.0f", p.roundTripsPerSecond()),
                    Units.format(p.held().rssBytes() - p.idle().rssBytes(), Unit.BYTES),
                    Units.format(p.rssPerConnectionBytes(), Unit.BYTES),
                    Long.toString(p.held().threads()), Long.toString(p.mismatches())));
        }
        Table table = new Table("A loopback echo server holding many connections",
                List.of(Column.text("server"), Column.number("clients"), Column.number("round trips/s"),
                        Column.number("server RSS held"), Column.number("RSS per connection"),
                        Column.number("server threads held"), Column.number("bad echoes")), rows);
        List<String> notes = new ArrayList<>();
        r.mechanisms().forEach((server, how) -> notes.add(server + ": " + how));
        r.skipped().forEach((server, why) -> notes.add("not measured: " + server + " (" + why + ")"));
        notes.addAll(Facts.answeredBy(r, r.environment().limits()));
        Bundle latency = ExperimentView.of("Round-trip latency per server and client count", "round-trip latency",
                r.samples(), ClaimOutcome.forResult(r, r.environment()), notes, r.environment());
        Bundle bundle = new Bundle(table.toText() + "\n" + latency.text(),
                "<div class=\"forklab-result\">\n" + table.toHtml() + "</div>\n" + latency.html(), latency.chart());
        try {
            List<SweepSeries> throughput = new ArrayList<>();
            List<SweepSeries> memory = new ArrayList<>();
            for (String server : r.config().servers()) {
                List<C10kPoint> mine = r.points().stream().filter(p -> p.server().equals(server)).toList();
                if (mine.isEmpty()) {
                    continue;
                }
                double[] x = mine.stream().mapToDouble(C10kPoint::clients).toArray();
                double[] y = mine.stream().mapToDouble(C10kPoint::roundTripsPerSecond).toArray();
                double[] m = mine.stream().mapToDouble(C10kPoint::rssPerConnectionBytes).toArray();
                throughput.add(new SweepSeries(server, x, y, y, y));
                memory.add(new SweepSeries(server, x, m, m, m));
            }
            if (throughput.isEmpty()) {
                return bundle;
            }
            // what a connection costs beside what it buys, over one axis of connections
            return bundle.withChart(ExperimentView.render(SweepCharts.panels(
                    "Echo throughput and server memory per connection",
                    Quantity.count("connections held"), List.of(
                            new SweepCharts.Panel(Quantity.rate("throughput", Unit.ROUND_TRIPS_PER_SECOND), throughput, true),
                            new SweepCharts.Panel(Quantity.bytes("RSS per connection"), memory, true)))));
        } catch (ChartRenderingException | IllegalArgumentException e) {
            return bundle;
        }
    }
}
