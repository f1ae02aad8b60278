package org.forklab.magics;

import java.util.ArrayList;
import java.util.List;
import org.forklab.charts.ChartRenderingException;
import org.forklab.charts.Quantity;
import org.forklab.charts.SweepCharts;
import org.forklab.charts.SweepSeries;
import org.forklab.experiments.core.Samples;
import org.forklab.experiments.ipc.IpcConfig;
import org.forklab.experiments.ipc.IpcExperiment;
import org.forklab.experiments.ipc.IpcResult;
import org.forklab.experiments.ipc.SizePoint;
import org.forklab.experiments.ipc.Transport;
import org.forklab.experiments.ipc.TransportResult;
import org.forklab.magics.bench.Phases;
import org.forklab.experiments.core.Environment;
import org.forklab.magics.io.Bench;
import org.forklab.magics.io.Bundle;
import org.forklab.magics.io.Progress;
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
            description = "Transports, or all: thread-handoff, thread-copy, pipe, unix-socket, tcp-loopback, shared-memory.")
    List<String> transports;

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
        config();
    }

    IpcConfig config() {
        List<String> chosen = transports.contains("all") ? Transport.words()
                : transports.stream().map(t -> t.toLowerCase(java.util.Locale.ROOT)).distinct().toList();
        return IpcConfig.defaults().withTransports(chosen)
                .withSizes(sizes.stream().map(s -> (int) s.bytes()).toList())
                .withLatencySamples(latencySamples).withThroughputSamples(throughputSamples).withTimeLimit(timeout.limit());
    }

    @Override
    public void run(Bench bench) throws Exception {
        IpcConfig config = config();
        ExperimentRun.run(bench, "%ipc", progress -> inPhases(config, progress), IpcMagic::view, result);
    }

    /** One run of the experiment per transport (every size), joined into one result. */
    static IpcResult inPhases(IpcConfig config, Progress progress) throws Exception {
        List<Phases.Phase<IpcResult>> phases = config.transports().stream().map(t -> new Phases.Phase<IpcResult>(
                t + ", " + config.sizes().size() + " sizes",
                left -> IpcExperiment.run(config.withTransports(List.of(t)).withTimeLimit(left)))).toList();
        List<TransportResult> transports = new ArrayList<>();
        Phases.run(progress, config.timeLimit(), phases).forEach(part -> transports.addAll(part.transports()));
        return new IpcResult(Environment.current(), config, transports);
    }

    /** One-way latency (round trip / 2) of the smallest message, as the claims speak of one-way times. */
    public static Samples oneWaySmallest(TransportResult t) {
        SizePoint p = t.points().get(0);
        for (SizePoint q : t.points()) {
            if (q.size() < p.size()) {
                p = q;
            }
        }
        double[] v = p.latency().values();
        for (int i = 0; i < v.length; i++) {
            v[i] /= 2;
        }
        return new Samples(t.transport() + ", " + ByteSize.format(p.size()) + " B one way (round trip / 2)",
                p.latency().unit(), v, new double[0], p.latency().opsPerSample());
    }

    /** Tables of every sample set, claims, and a sweep of median latency against size per transport. */
    public static Bundle view(IpcResult r) {
        List<String> notes = new ArrayList<>();
        for (TransportResult t : r.transports()) {
            notes.add(t.transport() + ": " + t.mechanism());
            t.points().stream().filter(p -> !p.echoIntact() || p.bytesAcknowledged() != p.bytesSent()).forEach(p ->
                    notes.add(t.transport() + " at " + ByteSize.format(p.size()) + " B: the peer did not get every byte back intact"));
        }
        Bundle bundle = ExperimentView.of("Messages: latency and throughput by size", "round-trip latency", r.samples(),
                ClaimOutcome.forResult(r, r.environment()), notes, r.environment());
        try {
            List<SweepSeries> series = new ArrayList<>();
            for (TransportResult t : r.transports()) {
                double[] x = t.points().stream().mapToDouble(SizePoint::size).toArray();
                List<Summary> s = t.points().stream().map(p -> Summary.of(p.latency().values())).toList();
                series.add(SweepSeries.ofMedians(t.transport(), x, s));
            }
            return bundle.withChart(ExperimentView.render(SweepCharts.line("Round-trip latency by message size",
                    new Quantity("message size", Unit.BYTES), new Quantity("median round trip", Unit.NANOSECONDS), series)));
        } catch (ChartRenderingException | IllegalArgumentException e) {
            return bundle;
        }
    }
}
