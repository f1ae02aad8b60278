package org.forklab.experiments.switching;

import org.forklab.experiments.core.Settings;
import com.google.gson.JsonObject;
import org.forklab.experiments.core.ProgressListener;
import org.forklab.experiments.core.Cpus;
import org.forklab.experiments.core.Deadline;
import org.forklab.experiments.core.Environment;
import org.forklab.experiments.core.ExperimentTimeoutException;
import org.forklab.experiments.core.SamplingPlan;
import org.forklab.experiments.nativeprobe.NativeProbe;
import org.forklab.experiments.nativeprobe.ProbeFailedException;
import org.forklab.experiments.nativeprobe.ProbeRun;
import org.forklab.experiments.switching.SwitchResult.Run;
import org.forklab.experiments.switching.SwitchResult.Skipped;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.forklab.experiments.core.Samples;
import org.forklab.experiments.core.SamplesJson;
import java.util.stream.Collectors;

/**
 * Context switches (lesson §4): one-byte ping-pong round trips between two threads or two
 * processes, with both sides on one CPU, on two CPUs, or left to the scheduler. Native modes run
 * in the probe (pinned with sched_setaffinity); Java modes run on two platform threads of this
 * JVM, each pinning itself with taskset on its own thread id when a placement asks for it.
 */
public final class SwitchExperiment {
    private static final Duration MIN_SAMPLE = Duration.ofNanos(20_000);

    private SwitchExperiment() {
    }

    public static SwitchResult run(SwitchConfig config) throws IOException, InterruptedException {
        return run(config, ProgressListener.NONE);
    }

    /** The run, announcing each round (every mode and placement once) as a phase. */
    public static SwitchResult run(SwitchConfig config, ProgressListener progress) throws IOException, InterruptedException {
        return run(config, NativeProbe.bundled(), progress);
    }

    public static SwitchResult run(SwitchConfig config, NativeProbe probe) throws IOException, InterruptedException {
        return run(config, probe, ProgressListener.NONE);
    }

    static SwitchResult run(SwitchConfig config, NativeProbe probe, ProgressListener progress)
            throws IOException, InterruptedException {
        Deadline deadline = Deadline.after(config.timeLimit());
        Environment env = Environment.current();
        List<Integer> allowed = Cpus.parseList(env.cpuAffinity());
        int cpuA = allowed.isEmpty() ? 0 : allowed.get(0);
        int cpuB = allowed.size() > 1 ? allowed.get(1) : cpuA;
        Optional<String> probeMissing = probe.availability();
        Optional<String> javaPinning = ThreadPinning.unavailableReason();
        List<Run> runs = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        List<Cell> cells = new ArrayList<>();
        for (SwitchMode mode : config.modes()) {
            for (Placement placement : config.placements()) {
                Optional<String> reason = whyNot(mode, placement, probeMissing, javaPinning, allowed);
                if (reason.isPresent()) {
                    skipped.add(new Skipped(mode, placement, reason.get()));
                } else {
                    cells.add(new Cell(mode, placement));
                }
            }
        }
        // Rounds, not blocks: round r runs every mode and placement once (A B C, A B C, ...), so a
        // change of load during the experiment falls on every variant alike instead of on one block.
        int announced = -1;
        for (Cell cell : roundOrder(cells, config.runs())) {
            deadline.check();
            if (cell.round() != announced) {
                announced = cell.round();
                progress.phase("round " + (announced + 1) + " of " + config.runs() + ": every mode and placement",
                        announced, config.runs());
            }
            runs.add(cell.mode().isNative()
                    ? nativeRun(probe, cell.mode(), cell.placement(), cell.round(), cpuA, cpuB, config, deadline)
                    : javaRun(cell.mode(), cell.placement(), cell.round(), cpuA, cpuB, config, deadline));
        }
        return new SwitchResult(env, settings(config, env, probe, probeMissing, javaPinning, cpuA, cpuB), runs, skipped);
    }

    /** One mode in one placement, in one round. */
    record Cell(SwitchMode mode, Placement placement, int round) {
        Cell(SwitchMode mode, Placement placement) {
            this(mode, placement, 0);
        }
    }

    /** Every cell once per round, rounds one after another: the order the experiment runs them in. */
    static List<Cell> roundOrder(List<Cell> cells, int rounds) {
        List<Cell> order = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            for (Cell c : cells) {
                order.add(new Cell(c.mode(), c.placement(), r));
            }
        }
        return order;
    }

    static String label(SwitchMode mode, Placement placement, int run) {
        return mode.label() + ", " + placement.word() + ", run " + (run + 1) + ": round trip";
    }

    private static Optional<String> whyNot(SwitchMode mode, Placement placement, Optional<String> probeMissing,
                                           Optional<String> javaPinning, List<Integer> allowed) {
        if (mode.isNative() && probeMissing.isPresent()) {
            return probeMissing;
        }
        if (placement == Placement.TWO_CPUS && allowed.size() < 2) {
            return Optional.of("placement two-cpus needs two CPUs; this process may use only CPU " + allowed);
        }
        if (!mode.isNative() && placement.pinned() && javaPinning.isPresent()) {
            return javaPinning;
        }
        return Optional.empty();
    }

    private static SamplingPlan plan(SwitchConfig c, Deadline deadline) {
        return new SamplingPlan(c.coldOps(), c.warmup(), c.samples(), c.roundTripsPerSample(), MIN_SAMPLE,
                Duration.ofNanos(Math.max(1, deadline.remainingNanos())));
    }

    private static Run javaRun(SwitchMode mode, Placement placement, int run, int cpuA, int cpuB, SwitchConfig c,
                               Deadline deadline) throws IOException, InterruptedException {
        try {
            JavaPingPong.Outcome o = JavaPingPong.run(mode, placement, cpuA, placement == Placement.SAME_CPU ? cpuA : cpuB,
                    label(mode, placement, run), plan(c, deadline));
            return new Run(mode, placement, run, o.samples(), o.initiatorCpu(), o.partnerCpu());
        } catch (IOException | InterruptedException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(label(mode, placement, run) + " failed: " + e, e);
        }
    }

    /** One fresh pair in the probe: a run of one round (the probe starts in about a millisecond). */
    private static Run nativeRun(NativeProbe probe, SwitchMode mode, Placement placement, int round, int cpuA, int cpuB,
                                 SwitchConfig c, Deadline deadline) throws IOException, InterruptedException {
        long remainingMs = Math.max(1, deadline.remainingNanos() / 1_000_000);
        List<String> args = List.of("pingpong", "mode=" + mode.probeMode(), "placement=" + placement.probeWord(),
                "cpus=" + cpuA + "," + cpuB, "runs=1", "samples=" + c.samples(), "warmup=" + c.warmup(),
                "cold=" + c.coldOps(), "batch=" + c.roundTripsPerSample(), "limit-ms=" + remainingMs);
        ProbeRun probeRun = probe.run(args, Duration.ofMillis(remainingMs + 1_000));
        deadline.check();
        if (!probeRun.succeeded() && deadline.remainingNanos() < 200_000_000L) {
            throw new ExperimentTimeoutException(deadline.limit());
        }
        probeRun.requireSuccess();
        List<JsonObject> samples = probeRun.ofType("samples");
        List<JsonObject> where = probeRun.ofType("run");
        Optional<JsonObject> trip = samples.stream().filter(o -> o.get("name").getAsString().equals("round trip")).findFirst();
        if (trip.isEmpty() || where.size() != 1) {
            throw new ProbeFailedException("the probe reported " + where.size() + " runs where 1 was asked for");
        }
        String label = label(mode, placement, round);
        Optional<Samples> oneTask = samples.stream().filter(o -> o.get("name").getAsString().equals("one task")).findFirst()
                .map(o -> SamplesJson.read(o, label.replace("round trip", "one task")));
        return new Run(mode, placement, round, SamplesJson.read(trip.get(), label),
                where.get(0).get("initiator_cpu_seen").getAsInt(), where.get(0).get("partner_cpu_seen").getAsInt(),
                oneTask, switchesPerRoundTrip(probeRun.ofType("switches")));
    }

    /** Kernel-counted switches of both sides per round trip, from the probe's "switches" line. */
    static OptionalDouble switchesPerRoundTrip(List<JsonObject> lines) {
        if (lines.size() != 1) {
            return OptionalDouble.empty();
        }
        JsonObject o = lines.get(0);
        long trips = o.get("round_trips").getAsLong();
        long total = 0;
        for (String k : List.of("initiator_voluntary", "initiator_involuntary", "partner_voluntary", "partner_involuntary")) {
            long v = o.get(k).getAsLong();
            if (v < 0) {
                return OptionalDouble.empty(); // a status file could not be read
            }
            total += v;
        }
        return trips > 0 ? OptionalDouble.of(total / (double) trips) : OptionalDouble.empty();
    }

    private static Settings settings(SwitchConfig c, Environment env, NativeProbe probe,
                                     Optional<String> probeMissing, Optional<String> javaPinning,
                                     int cpuA, int cpuB) {
        Settings.Builder s = Settings.builder();
        s.put(SwitchSetting.MODES, c.modes().stream().map(SwitchMode::word).collect(Collectors.joining(",")));
        s.put(SwitchSetting.PLACEMENTS, c.placements().stream().map(Placement::word).collect(Collectors.joining(",")));
        s.put(SwitchSetting.RUNS, c.runs() + " rounds, interleaved: each round runs every mode and placement once");
        s.put(SwitchSetting.SAMPLES_PER_RUN, String.valueOf(c.samples()));
        s.put(SwitchSetting.WARMUP_ROUND_TRIPS, String.valueOf(c.warmup()));
        s.put(SwitchSetting.COLD_ROUND_TRIPS, String.valueOf(c.coldOps()));
        s.put(SwitchSetting.ROUND_TRIPS_PER_SAMPLE, c.roundTripsPerSample() == 0 ? "auto (a sample lasts at least 20 µs)"
                : String.valueOf(c.roundTripsPerSample()));
        s.put(SwitchSetting.CPUS_ALLOWED, env.cpuAffinity());
        s.put(SwitchSetting.SAME_CPU_PLACEMENT, "both sides pinned to CPU " + cpuA);
        s.put(SwitchSetting.TWO_CPUS_PLACEMENT, "initiator pinned to CPU " + cpuA + ", partner to CPU " + cpuB);
        s.put(SwitchSetting.SCHEDULER_PLACEMENT, "not pinned");
        s.put(SwitchSetting.NATIVE_PINNING, probeMissing.map(r -> "unavailable: " + r)
                .orElse("sched_setaffinity in the probe, each side on its own thread or process"));
        s.put(SwitchSetting.JAVA_PINNING, javaPinning.map(r -> "unavailable: " + r + "; Java modes run unpinned only")
                .orElse("each Java thread pins itself: taskset -p -c CPU <its thread id from /proc/thread-self>"));
        s.put(SwitchSetting.NATIVE_PROBE, probeMissing.orElseGet(() -> probe.executable().toString()));
        s.put(SwitchSetting.TIME_LIMIT, String.valueOf(c.timeLimit().toSeconds()));
        return s.build();
    }
}
