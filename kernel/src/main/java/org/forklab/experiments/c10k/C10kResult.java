package org.forklab.experiments.c10k;

import org.forklab.experiments.core.Settings;
import org.forklab.stats.Unit;
import org.forklab.experiments.core.Environment;
import org.forklab.experiments.core.Measured;
import org.forklab.experiments.core.Samples;
import org.forklab.experiments.scale.Series;

import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/** Throughput, latency and server memory against the number of connections, per server design. */
public record C10kResult(Environment environment, C10kConfig config, Map<String, String> mechanisms,
                         List<C10kPoint> points, Map<String, String> skipped) implements Measured {

    public C10kResult {
        mechanisms = Map.copyOf(mechanisms);
        points = List.copyOf(points);
        skipped = Map.copyOf(skipped);
    }

    @Override
    public String experiment() {
        return "c10k";
    }

    @Override
    public Settings settings() {
        Settings.Builder m = Settings.builder();
        m.put(C10kSetting.SERVERS, String.join(" ", config.servers()));
        m.put(C10kSetting.CLIENTS, config.clients().stream().map(String::valueOf).collect(Collectors.joining(" ")));
        m.put(C10kSetting.ROUND_TRIPS, String.valueOf(config.roundTrips()));
        m.put(C10kSetting.MESSAGE_SIZE, String.valueOf(config.messageBytes()));
        m.put(C10kSetting.ADDRESS, "127.0.0.1, ephemeral port, TCP_NODELAY");
        m.put(C10kSetting.LOAD_GENERATOR, "this JVM, one thread, one NIO selector, every client with one message in flight");
        m.put(C10kSetting.SERVER_PROCESS, "a child JVM per server and client count, so its memory is its own");
        config.servers().stream().filter(mechanisms::containsKey).forEach(s -> m.put(C10kSetting.mechanism(s), mechanisms.get(s)));
        skipped.forEach((s, why) -> m.put(C10kSetting.skipped(s), why));
        return m.build();
    }

    /** The latency samples of every point, labelled "server, K clients". */
    @Override
    public List<Samples> samples() {
        return points.stream().map(C10kPoint::latency).toList();
    }

    /** A quantity against client count for one server, e.g. ("threads", "RSS held"). */
    public Series series(String server, String quantity) {
        ToDoubleFunction<C10kPoint> y = switch (quantity) {
            case "RSS held" -> p -> p.held().rssBytes() - p.idle().rssBytes();
            case "threads held" -> p -> p.held().threads();
            case "round trips/s" -> C10kPoint::roundTripsPerSecond;
            default -> throw new IllegalArgumentException("unknown quantity " + quantity + ": RSS held, threads held, round trips/s");
        };
        List<C10kPoint> mine = points.stream().filter(p -> p.server().equals(server)).toList();
        return new Series(server, quantity, quantity.startsWith("RSS") ? Unit.BYTES : quantity.startsWith("threads") ? Unit.THREADS : Unit.PER_SECOND,
                mine.stream().mapToDouble(C10kPoint::clients).toArray(), mine.stream().mapToDouble(y).toArray());
    }
}
