package org.forklab.experiments.race;

import com.google.gson.JsonObject;
import org.forklab.experiments.core.Deadline;
import org.forklab.experiments.core.ExperimentTimeoutException;
import org.forklab.experiments.nativeprobe.NativeProbe;
import org.forklab.experiments.nativeprobe.ProbeRun;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The race in C, run by the native probe ({@code forklab-probe race}, probe_race.c). */
final class NativeRace {
    private NativeRace() {
    }

    /** The trials, and for fork the parent's copy of the global afterwards. */
    record Run(List<RaceExperiment.Trial> trials, Long parentCounter) {
    }

    static boolean available() {
        return NativeProbe.bundled().availability().isEmpty();
    }

    static String unavailableReason() {
        return NativeProbe.bundled().availability().orElse("");
    }

    static Run run(RaceVariant variant, RaceConfig config, Deadline deadline) throws IOException, InterruptedException {
        String word = switch (variant) {
            case NATIVE_PLAIN -> "plain";
            case NATIVE_VOLATILE -> "volatile";
            case NATIVE_PROCESSES -> "processes";
            default -> throw new IllegalArgumentException(variant + " is not a native variant");
        };
        Duration limit = Duration.ofNanos(Math.max(1_000_000, deadline.remainingNanos()));
        ProbeRun run = NativeProbe.bundled().run(List.of("race", "variant=" + word, "workers=" + config.workers(),
                "increments=" + config.increments(), "trials=" + config.trials()), limit);
        if (run.child().timedOut()) {
            throw new ExperimentTimeoutException(config.timeLimit());
        }
        run.requireSuccess();
        List<RaceExperiment.Trial> trials = new ArrayList<>();
        Long parent = null;
        for (JsonObject line : run.ofType("trial")) {
            long[] children = new long[0];
            if (line.has("children")) {
                children = new long[line.getAsJsonArray("children").size()];
                for (int i = 0; i < children.length; i++) {
                    children[i] = line.getAsJsonArray("children").get(i).getAsLong();
                }
                // the parent's copy after the last trial; the probe resets it before each one
                parent = line.get("parent").getAsLong();
            }
            trials.add(new RaceExperiment.Trial(line.get("counted").getAsLong(), line.get("loop_ns_max").getAsLong(),
                    line.get("overlap_ns").getAsLong(), children));
        }
        if (trials.size() != config.trials()) {
            throw new IllegalStateException("the native probe reported " + trials.size() + " of " + config.trials() + " trials");
        }
        return new Run(trials, parent);
    }
}
