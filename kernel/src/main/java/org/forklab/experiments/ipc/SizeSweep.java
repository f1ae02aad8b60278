package org.forklab.experiments.ipc;

import org.forklab.experiments.core.Deadline;
import org.forklab.experiments.core.Sampler;
import org.forklab.experiments.core.Samples;
import org.forklab.experiments.core.SamplingPlan;
import org.forklab.experiments.core.TimedOperation;
import org.forklab.experiments.switching.Placement;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Every message size over one link: first one echo per size checked byte for byte, then the
 * round trips of all sizes in rounds, then the one-way batches of all sizes in rounds. Rounds
 * (8 B, 4 KiB, 1 MiB, 8 B, 4 KiB, ...) rather than a block per size: when sizes ran one block
 * after another, whatever changed between blocks (a wake-up path, the load of other programs,
 * the JIT) was read as an effect of size.
 */
final class SizeSweep {
    private SizeSweep() {
    }

    static List<SizePoint> measure(Transport t, Placement placement, FrameLink link, IpcConfig config, Deadline deadline)
            throws IOException, InterruptedException {
        List<Integer> sizes = config.sizes();
        List<byte[]> messages = new ArrayList<>();
        boolean[] intact = new boolean[sizes.size()];
        for (int i = 0; i < sizes.size(); i++) {
            byte[] message = new byte[sizes.get(i)];
            new Random(sizes.get(i)).nextBytes(message);
            messages.add(message);
            intact[i] = echoOnce(link, message);
        }
        Duration left = Duration.ofNanos(Math.max(1, deadline.remainingNanos()));
        List<String> labels = new ArrayList<>();
        List<SamplingPlan> plans = new ArrayList<>();
        List<TimedOperation> ops = new ArrayList<>();
        for (int i = 0; i < sizes.size(); i++) {
            int size = sizes.get(i);
            byte[] message = messages.get(i);
            int warmup = (int) Math.max(10, Math.min(2_000, (8L << 20) / size));
            labels.add(IpcExperiment.latencyLabel(t, placement, size));
            plans.add(new SamplingPlan(3, warmup, config.latencySamples(), 0, Duration.ofNanos(20_000), left));
            ops.add(n -> {
                for (int k = 0; k < n; k++) {
                    link.send(Frames.ECHO, message, size);
                    if (link.receive() != Frames.ECHO || link.length() != size) {
                        throw new IOException("the echo came back with " + link.length() + " bytes instead of " + size);
                    }
                }
            });
        }
        List<Samples> latency = rounds(labels, plans, ops);

        long[][] sentAcked = new long[sizes.size()][2];
        byte[] none = new byte[0];
        labels.clear();
        plans.clear();
        ops.clear();
        for (int i = 0; i < sizes.size(); i++) {
            int size = sizes.get(i);
            byte[] message = messages.get(i);
            long[] counts = sentAcked[i];
            int sinkWarmup = (int) Math.max(4, Math.min(4_000, (16L << 20) / size));
            labels.add(IpcExperiment.throughputLabel(t, placement, size));
            plans.add(new SamplingPlan(0, sinkWarmup, config.throughputSamples(), 0, Duration.ofMillis(2), left));
            ops.add(n -> {
                for (int k = 0; k < n; k++) {
                    link.send(Frames.SINK, message, size);
                }
                link.send(Frames.SYNC, none, 0);
                if (link.receive() != Frames.SYNC) {
                    throw new IOException("the peer answered a SYNC with something else");
                }
                counts[0] += (long) n * size;
                counts[1] += Frames.getLong(link.payload(), 0);
            });
        }
        List<Samples> perMessage = rounds(labels, plans, ops);
        List<SizePoint> points = new ArrayList<>();
        for (int i = 0; i < sizes.size(); i++) {
            int size = sizes.get(i);
            points.add(new SizePoint(size, latency.get(i), IpcExperiment.megabytesPerSecond(perMessage.get(i), size),
                    sentAcked[i][0], sentAcked[i][1], intact[i]));
        }
        return points;
    }

    private static boolean echoOnce(FrameLink link, byte[] message) throws IOException, InterruptedException {
        link.send(Frames.ECHO, message, message.length);
        int kind = link.receive();
        return kind == Frames.ECHO && link.length() == message.length
                && Arrays.equals(link.payload(), 0, message.length, message, 0, message.length);
    }

    private static List<Samples> rounds(List<String> labels, List<SamplingPlan> plans, List<TimedOperation> ops)
            throws IOException, InterruptedException {
        try {
            return Sampler.measureRounds(labels, plans, ops);
        } catch (IOException | InterruptedException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        }
    }
}
