package org.forklab.magics.readings;

import java.util.List;
import java.util.Optional;
import org.forklab.experiments.ipc.IpcResult;
import org.forklab.experiments.ipc.TransportResult;
import org.forklab.magics.IpcMagic;
import org.forklab.magics.readings.Contrast.Measure;
import org.forklab.magics.readings.Contrast.Side;

/** %ipc: one small message one way (round trip / 2) between threads against the first process channel. */
public final class IpcReading {
    static final String THREADS = "thread-handoff";
    /** The process channel read against the threads, the first one measured. */
    static final List<String> CHANNELS = List.of("pipe", "unix-socket", "shared-memory", "tcp-loopback");

    private IpcReading() {
    }

    public static Reading of(IpcResult r) {
        Side threads = side(r, THREADS, "threads (" + THREADS + ")");
        Optional<String> channel = CHANNELS.stream().filter(c -> find(r, c).isPresent()).findFirst();
        Side processes = channel.map(c -> side(r, c, "processes (" + c + ")")).orElse(Side.missing("a process channel"));
        Contrast.Outcome o = Contrast.of(threads, processes, Measure.TIME,
                "the reader was sometimes still running and sometimes asleep when the message came");
        return Readings.withClaims("the smallest message, one way: " + o.sentence(), org.forklab.magics.claims.ClaimOutcome
                .forResult(r, r.environment()));
    }

    private static Optional<TransportResult> find(IpcResult r, String word) {
        return r.transports().stream().filter(t -> t.transport().equals(word) && !t.points().isEmpty()).findFirst();
    }

    private static Side side(IpcResult r, String word, String name) {
        return find(r, word).map(t -> Side.of(name, IpcMagic.oneWaySmallest(t))).orElse(Side.missing(name));
    }
}
