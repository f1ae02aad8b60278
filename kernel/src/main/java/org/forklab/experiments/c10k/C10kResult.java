package org.forklab.experiments.c10k;

import org.forklab.experiments.core.Environment;
import org.forklab.experiments.core.Measured;
import org.forklab.experiments.core.Samples;
import org.forklab.experiments.scale.Series;

import java.util.LinkedHashMap;
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
    public Map<String, String> settings() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("servers", String.join(" ", config.servers()));
        m.put("clients", config.clients().stream().map(String::valueOf).collect(Collectors.joining(" ")));
        m.put("round trips per client", String.valueOf(config.roundTrips()));
        m.put("message size (bytes)", String.valueOf(config.messageBytes()));
        m.put("address", "127.0.0.1, ephemeral port, TCP_NODELAY");
        m.put("load generator", "this JVM, one thread, one NIO selector, every client with one message in flight");
        m.put("server process", "a child JVM per server and client count, so its memory is its own");
        config.servers().stream().filter(mechanisms::containsKey).forEach(s -> m.put(s, mechanisms.get(s)));
        skipped.forEach((s, why) -> m.put(s + " skipped", why));
        return m;
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
        return new Series(server, quantity, quantity.startsWith("RSS") ? "bytes" : quantity.startsWith("threads") ? "threads" : "1/s",
                mine.stream().mapToDouble(C10kPoint::clients).toArray(), mine.stream().mapToDouble(y).toArray());
    }
}
