package org.forklab.magics;

import java.util.ArrayList;
import java.util.List;
import org.forklab.charts.BoxPlots;
import org.forklab.charts.ChartRenderingException;
import org.forklab.charts.Quantity;
import org.forklab.charts.SampleSet;
import org.forklab.charts.SweepCharts;
import org.forklab.charts.SweepSeries;
import org.forklab.experiments.ipc.IpcConfig;
import org.forklab.experiments.ipc.IpcExperiment;
import org.forklab.experiments.ipc.IpcResult;
import org.forklab.experiments.ipc.SizePoint;
import org.forklab.experiments.ipc.Transport;
import org.forklab.experiments.core.Cpus;
import org.forklab.experiments.core.Environment;
import org.forklab.experiments.switching.Placement;
import org.forklab.experiments.switching.ThreadPinning;
import org.forklab.stats.format.Column;
import org.forklab.stats.format.Table;
import org.forklab.stats.format.Units;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.forklab.experiments.ipc.TransportResult;
import org.forklab.magics.io.Bench;
import org.forklab.magics.io.Bundle;
import org.forklab.magics.claims.ClaimOutcome;
import org.forklab.magics.parse.ByteSize;
import org.forklab.magics.parse.ChecksConfiguration;
import org.forklab.magics.parse.HelpOption;
import org.forklab.magics.parse.LineMagic;
import org.forklab.magics.parse.Range;
import org.forklab.magics.parse.ResultOptions;
import org.forklab.magics.parse.RunTimeout;
import org.forklab.magics.view.ExperimentRun;
import org.forklab.magics.view.ExperimentView;
import org.forklab.stats.Summary;
import org.forklab.stats.Unit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** %ipc: latency and throughput against message size, inside one process and between processes. */
@Command(name = "ipc", description = "Measure message latency and throughput by size: thread hand-off, pipe, sockets, shared memory.",
        showDefaultValues = true, sortOptions = false)
public final class IpcMagic implements LineMagic, ChecksConfiguration {
    @Mixin
    HelpOption help;

    @Option(names = {"-t", "--transports"}, paramLabel = "LIST", split = ",", defaultValue = "all",
            description = "Transports, or all: thread-spin, thread-handoff, thread-copy, pipe, unix-socket, tcp-loopback, "
                    + "shared-memory, native-threads-spin, native-threads-futex, native-shm-spin, native-shm-futex.")
    List<String> transports;

    @Option(names = {"-p", "--placements"}, paramLabel = "LIST", split = ",", defaultValue = "all",
            description = "Where the two ends run, or all (those this machine can give): same-cpu, two-cpus, scheduler.")
    List<String> placements;

    @Option(names = {"-s", "--sizes"}, paramLabel = "SIZES", split = ",", converter = ByteSize.Converter.class,
            defaultValue = "8,512,32k,1m", description = "Message sizes, e.g. 8,64,512,4k,32k,256k,1m.")
    @Range(min = 1, max = IpcConfig.MAX_SIZE)
    List<ByteSize> sizes;

    @Option(names = "--latency-samples", paramLabel = "N", description = "Round-trip samples per size.")
    @Range(min = 1, max = 100_000)
    int latencySamples = 20;

    @Option(names = "--throughput-samples", paramLabel = "N", description = "Throughput samples per size.")
    @Range(min = 1, max = 100_000)
    int throughputSamples = 10;

    @Mixin
    RunTimeout timeout;

    @Mixin
    ResultOptions result;

    @Override
    public void checkConfiguration() {
        config().checkPlacements(Cpus.parseList(Environment.current().cpuAffinity()));
    }

    IpcConfig config() {
        List<String> chosen = transports.contains("all") ? Transport.words()
                : transports.stream().map(t -> t.toLowerCase(java.util.Locale.ROOT)).distinct().toList();
        return IpcConfig.defaults().withTransports(chosen).withPlacements(placements())
                .withSizes(sizes.stream().map(s -> (int) s.bytes()).toList())
                .withLatencySamples(latencySamples).withThroughputSamples(throughputSamples).withTimeLimit(timeout.limit());
    }

    /** "all" is every placement this process can be given: two CPUs only with two, pins only with taskset. */
    private List<Placement> placements() {
        if (!placements.contains("all")) {
            return placements.stream().map(Placement::parse).distinct().toList();
        }
        boolean twoCpus = Cpus.parseList(Environment.current().cpuAffinity()).size() > 1;
        boolean pinning = ThreadPinning.unavailableReason().isEmpty();
        return Arrays.stream(Placement.values()).filter(p -> !p.pinned() || pinning)
                .filter(p -> p != Placement.TWO_CPUS || twoCpus).toList();
    }

    @Override
    public void run(Bench bench) throws Exception {
        IpcConfig config = config();
        ExperimentRun.run(bench, "%ipc", progress -> IpcExperiment.run(config, progress), IpcMagic::view, result);
    }

    /**
     * Tables of every sample set, a table of the smallest message's round trip by transport and
     * placement, claims, and a sweep of median latency against size per transport for one placement
     * (two CPUs when measured: there no side waits for the other's CPU).
     */
    public static Bundle view(IpcResult r) {
        List<String> notes = new ArrayList<>();
        // one line per transport: how it carries messages, then where each placement ran it
        Map<String, StringBuilder> described = new LinkedHashMap<>();
        for (TransportResult t : r.transports()) {
            int cut = t.mechanism().indexOf("; ");
            String how = cut < 0 ? t.mechanism() : t.mechanism().substring(0, cut);
            String where = cut < 0 ? "" : t.mechanism().substring(cut + 2);
            described.computeIfAbsent(t.transport(), k -> new StringBuilder(k + ": " + how))
                    .append(where.isEmpty() ? "" : "; " + t.placement() + ": " + where);
        }
        described.values().forEach(b -> notes.add(b.toString()));
        for (TransportResult t : r.transports()) {
            t.points().stream().filter(p -> !p.echoIntact() || p.bytesAcknowledged() != p.bytesSent()).forEach(p ->
                    notes.add(t.transport() + ", " + t.placement() + ", at " + ByteSize.format(p.size())
                            + " B: the peer did not get every byte back intact"));
        }
        Bundle bundle = ExperimentView.of("Messages: latency and throughput by size", "round-trip latency", r.samples(),
                List.of(byPlacement(r)), ClaimOutcome.forResult(r, r.environment()), notes, r.environment());
        List<String> placed = r.transports().stream().map(TransportResult::placement).distinct().toList();
        String shown = placed.contains(Placement.TWO_CPUS.word()) ? Placement.TWO_CPUS.word() : placed.get(0);
        if (r.config().sizes().size() == 1) {
            return withPlacementBoxes(bundle, r);
        }
        try {
            List<SweepSeries> series = new ArrayList<>();
            for (TransportResult t : r.transports()) {
                if (!t.placement().equals(shown) || t.points().isEmpty()) {
                    continue;
                }
                double[] x = t.points().stream().mapToDouble(SizePoint::size).toArray();
                List<Summary> s = t.points().stream().map(p -> Summary.of(p.latency().values())).toList();
                series.add(SweepSeries.ofMedians(t.transport(), x, s));
            }
            return bundle.withChart(ExperimentView.render(SweepCharts.line("Round-trip latency by message size, placement " + shown,
                    new Quantity("message size", Unit.BYTES), new Quantity("median round trip", Unit.NANOSECONDS), series)));
        } catch (ChartRenderingException | IllegalArgumentException e) {
            return bundle;
        }
    }

    /**
     * One size: a line against size would be a column of dots for one placement, so every
     * transport and placement gets a box of its round trips instead (log axis when they span
     * decades, as spinning against sleeping does).
     */
    private static Bundle withPlacementBoxes(Bundle bundle, IpcResult r) {
        List<SampleSet> sets = new ArrayList<>();
        for (TransportResult t : r.transports()) {
            if (!t.points().isEmpty()) {
                sets.add(new SampleSet(t.transport() + ", " + t.placement(), smallest(t).latency().values()));
            }
        }
        int size = r.config().sizes().get(0);
        try {
            return bundle.withChart(ExperimentView.render(BoxPlots.of("Round trip of " + ByteSize.format(size)
                    + " B messages by transport and placement", new Quantity("round trip", Unit.NANOSECONDS), sets)));
        } catch (ChartRenderingException | IllegalArgumentException e) {
            return bundle;
        }
    }

    /** Median round trip of the smallest message: one row per transport, one column per placement. */
    static Table byPlacement(IpcResult r) {
        List<String> placed = r.transports().stream().map(TransportResult::placement).distinct().toList();
        List<Column> columns = new ArrayList<>(List.of(Column.text("transport")));
        placed.forEach(p -> columns.add(Column.number(p)));
        List<List<String>> rows = new ArrayList<>();
        for (String word : r.transports().stream().map(TransportResult::transport).distinct().toList()) {
            List<String> row = new ArrayList<>(List.of(word));
            for (String p : placed) {
                row.add(r.transport(word, p).filter(t -> !t.points().isEmpty())
                        .map(t -> Units.duration(Summary.of(smallest(t).latency().values()).median())).orElse("not run"));
            }
            rows.add(row);
        }
        int size = r.config().sizes().stream().mapToInt(Integer::intValue).min().orElseThrow();
        return new Table("Median round trip of " + ByteSize.format(size) + " B messages by placement", columns, rows);
    }

    private static SizePoint smallest(TransportResult t) {
        return t.points().stream().min(java.util.Comparator.comparingInt(SizePoint::size)).orElseThrow();
    }
}
