package org.forklab.experiments.ipc;

import org.forklab.experiments.core.Settings;
import org.forklab.experiments.core.Environment;
import org.forklab.experiments.core.Measured;
import org.forklab.experiments.core.Samples;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Latency and throughput against message size, per transport. */
public record IpcResult(Environment environment, IpcConfig config, List<TransportResult> transports) implements Measured {

    public IpcResult {
        transports = List.copyOf(transports);
    }

    @Override
    public String experiment() {
        return "ipc";
    }

    @Override
    public Settings settings() {
        Settings.Builder m = Settings.builder();
        m.put(IpcSetting.TRANSPORTS, String.join(" ", config.transports()));
        m.put(IpcSetting.PLACEMENTS, config.placements().stream().map(org.forklab.experiments.switching.Placement::word)
                .collect(Collectors.joining(" ")));
        m.put(IpcSetting.ORDER, "per transport and placement: one echo per size checked, then the sizes' samples in rounds");
        m.put(IpcSetting.SIZES, config.sizes().stream().map(String::valueOf).collect(Collectors.joining(" ")));
        m.put(IpcSetting.LATENCY_SAMPLES, String.valueOf(config.latencySamples()));
        m.put(IpcSetting.THROUGHPUT_SAMPLES, String.valueOf(config.throughputSamples()));
        m.put(IpcSetting.TIME_LIMIT, config.timeLimit().toString());
        for (TransportResult t : transports) {
            m.put(IpcSetting.mechanism(t.transport(), t.placement()), t.mechanism());
        }
        return m.build();
    }

    /** Every latency Samples, then every throughput Samples, transport by transport. */
    @Override
    public List<Samples> samples() {
        List<Samples> all = new ArrayList<>();
        for (TransportResult t : transports) {
            t.points().forEach(p -> all.add(p.latency()));
            t.points().forEach(p -> p.throughputIfMeasured().ifPresent(all::add));
        }
        return all;
    }

    /** The first placement measured of a transport. */
    public TransportResult transport(String word) {
        return transports.stream().filter(t -> t.transport().equals(word)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(word + " was not measured"));
    }

    /** A transport under one placement, if it was measured so. */
    public java.util.Optional<TransportResult> transport(String word, String placement) {
        return transports.stream().filter(t -> t.transport().equals(word) && t.placement().equals(placement)).findFirst();
    }
}
