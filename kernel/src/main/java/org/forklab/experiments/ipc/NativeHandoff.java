package org.forklab.experiments.ipc;

import com.google.gson.JsonObject;
import org.forklab.experiments.core.Deadline;
import org.forklab.experiments.core.ExperimentTimeoutException;
import org.forklab.experiments.core.Samples;
import org.forklab.experiments.core.SamplesJson;
import org.forklab.experiments.nativeprobe.NativeProbe;
import org.forklab.experiments.nativeprobe.ProbeRun;
import org.forklab.experiments.switching.Placement;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The native rows of %ipc: the probe's {@code handoff} command, a message handed back and
 * forth through memory by two pthreads (a pointer) or two processes (copied through a shared
 * mapping), waiting by spinning or with futex. Latency only: the probe streams nothing one way.
 */
final class NativeHandoff {
    private NativeHandoff() {
    }

    static TransportResult run(NativeProbe probe, Transport t, Placement placement, List<Integer> allowedCpus,
                               IpcConfig config, Deadline deadline) throws IOException, InterruptedException {
        String mode = t == Transport.NATIVE_THREADS_SPIN || t == Transport.NATIVE_THREADS_FUTEX ? "threads" : "processes";
        String wait = t == Transport.NATIVE_THREADS_SPIN || t == Transport.NATIVE_SHM_SPIN ? "spin" : "futex";
        long remainingMs = Math.max(1, deadline.remainingNanos() / 1_000_000);
        String a = String.valueOf(allowedCpus.isEmpty() ? 0 : allowedCpus.get(0));
        String b = allowedCpus.size() > 1 ? String.valueOf(allowedCpus.get(1)) : a;
        List<String> args = List.of("handoff", "mode=" + mode, "wait=" + wait, "placement=" + probeWord(placement),
                "cpus=" + a + "," + b, "sizes=" + config.sizes().stream().map(String::valueOf).collect(Collectors.joining(",")),
                "samples=" + config.latencySamples(), "cold=3", "warmup=1000", "limit-ms=" + remainingMs);
        ProbeRun run = probe.run(args, Duration.ofMillis(remainingMs + 1_000));
        deadline.check();
        if (!run.succeeded() && deadline.remainingNanos() < 200_000_000L) {
            throw new ExperimentTimeoutException(deadline.limit());
        }
        run.requireSuccess();
        List<SizePoint> points = new ArrayList<>();
        for (int size : config.sizes()) {
            JsonObject line = run.ofType("samples").stream().filter(o -> o.get("size").getAsInt() == size).findFirst()
                    .orElseThrow(() -> new IOException("the probe reported no samples for " + size + " bytes"));
            Samples latency = SamplesJson.read(line, IpcExperiment.latencyLabel(t, placement, size));
            points.add(SizePoint.latencyOnly(size, latency));
        }
        String where = run.first("run").map(o -> "; ran on CPUs " + o.get("initiator_cpu_seen").getAsInt() + " and "
                + o.get("partner_cpu_seen").getAsInt()).orElse("");
        return new TransportResult(t.word(), placement.word(), describe(mode, wait) + where, points);
    }

    private static String probeWord(Placement p) {
        return switch (p) {
            case SAME_CPU -> "same";
            case TWO_CPUS -> "split";
            case SCHEDULER -> "free";
        };
    }

    private static String describe(String mode, String wait) {
        String how = mode.equals("threads") ? "two pthreads of the native probe, a pointer handed over (nothing copied)"
                : "the native probe and a forked child, the message copied into and out of a shared mapping";
        return how + (wait.equals("spin") ? ", both sides spinning on one word (a yield every 1,024 reads)"
                : ", both sides sleeping in futex wait until woken");
    }
}
