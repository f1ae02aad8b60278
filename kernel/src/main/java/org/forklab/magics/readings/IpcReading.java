package org.forklab.magics.readings;

import java.util.List;
import java.util.Optional;
import org.forklab.experiments.ipc.IpcResult;
import org.forklab.experiments.ipc.TransportResult;
import org.forklab.magics.claims.ClaimOutcome;
import org.forklab.magics.readings.Contrast.Measure;
import org.forklab.magics.readings.Contrast.Side;

/**
 * %ipc: the smallest message one way (round trip / 2), threads against processes under one
 * placement (two CPUs when both were measured there), twice: the spinning pair (threads on a
 * mailbox against processes on shared memory) and the blocking pair (threads that park against
 * the first kernel channel measured). Each sentence is chosen by {@link Contrast} from the data.
 */
public final class IpcReading {
    /** Threads that spin, then those that block, in the order preferred. */
    static final List<String> SPINNING_THREADS = List.of("thread-spin", "native-threads-spin");
    static final List<String> SPINNING_PROCESSES = List.of("shared-memory", "native-shm-spin");
    static final List<String> BLOCKING_THREADS = List.of("thread-handoff", "native-threads-futex");
    /** The process channel read against the blocking threads, the first one measured. */
    static final List<String> CHANNELS = List.of("pipe", "unix-socket", "native-shm-futex", "tcp-loopback");
    private static final String BIMODAL_CAUSE = "the reader was sometimes still running and sometimes waiting when the message came";

    private IpcReading() {
    }

    public static Reading of(IpcResult r) {
        Optional<String> spin = pair(r, SPINNING_THREADS, SPINNING_PROCESSES, "spinning");
        Optional<String> block = pair(r, BLOCKING_THREADS, CHANNELS, "waiting");
        Optional<String> first = spin.isPresent() ? spin : block;
        Optional<String> second = spin.isPresent() ? block : Optional.empty();
        String finding = first.orElse("neither a thread pair nor a process pair with a common placement was measured,"
                + " so threads and processes cannot be compared");
        return Readings.withClaims(finding, second, ClaimOutcome.forResult(r, r.environment()));
    }

    /** One sentence on the first thread transport against the first process transport measured, or empty. */
    private static Optional<String> pair(IpcResult r, List<String> threads, List<String> processes, String how) {
        Optional<String> t = firstMeasured(r, threads);
        Optional<String> p = firstMeasured(r, processes);
        if (t.isEmpty() || p.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> placement = placement(r, t.get(), p.get());
        if (placement.isEmpty()) {
            return Optional.empty();
        }
        String where = placement.get();
        Side threadSide = side(r, t.get(), where, "threads " + how + " (" + t.get() + ")");
        Side processSide = side(r, p.get(), where, "processes (" + p.get() + ")");
        Contrast.Outcome o = Contrast.of(threadSide, processSide, Measure.TIME, BIMODAL_CAUSE);
        return Optional.of("the smallest message one way, placement " + where + ": " + o.sentence());
    }

    private static Optional<String> firstMeasured(IpcResult r, List<String> words) {
        return words.stream().filter(w -> r.transports().stream().anyMatch(t -> t.transport().equals(w)
                && !t.points().isEmpty())).findFirst();
    }

    /** two-cpus when both were measured there, else the first placement both were measured under. */
    static Optional<String> placement(IpcResult r, String a, String b) {
        List<String> common = r.transports().stream().filter(t -> t.transport().equals(a) && !t.points().isEmpty())
                .map(TransportResult::placement).filter(p -> r.transport(b, p).filter(t -> !t.points().isEmpty()).isPresent())
                .toList();
        return common.contains("two-cpus") ? Optional.of("two-cpus") : common.stream().findFirst();
    }

    private static Side side(IpcResult r, String word, String placement, String name) {
        return r.transport(word, placement).map(t -> Side.of(name, t.oneWaySmallest())).orElse(Side.missing(name));
    }
}
