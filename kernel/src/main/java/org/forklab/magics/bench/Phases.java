package org.forklab.magics.bench;

import java.time.Duration;
import org.forklab.magics.io.Progress;
import java.util.ArrayList;
import java.util.List;
import org.forklab.experiments.core.Deadline;
import org.forklab.experiments.core.ExperimentTimeoutException;

/**
 * Runs an experiment one part at a time (one variant, transport, server or count), so the
 * progress display can say what runs now. The experiments have no progress callback and stay
 * unaware of the kernel; the magic splits the configuration and joins the parts' results.
 * Each part gets what is left of the whole time limit (at least the one second the
 * experiments accept), and a part that runs out reports the whole limit, as one run would.
 */
public final class Phases {
    private Phases() {
    }

    /** One part of the run: its name on the progress line and the call that measures it. */
    public record Phase<R>(String name, Part<R> part) {
    }

    @FunctionalInterface
    public interface Part<R> {
        R run(Duration timeLeft) throws Exception;
    }

    public static <R> List<R> run(Progress progress, Duration limit, List<Phase<R>> phases) throws Exception {
        Deadline deadline = Deadline.after(limit);
        List<R> results = new ArrayList<>();
        for (int i = 0; i < phases.size(); i++) {
            deadline.check();
            progress.step(phases.get(i).name(), i, phases.size());
            long left = Math.max(1, (long) Math.ceil(deadline.remainingNanos() / 1e9));
            try {
                results.add(phases.get(i).part().run(Duration.ofSeconds(left)));
            } catch (ExperimentTimeoutException e) {
                throw new ExperimentTimeoutException(limit);
            }
        }
        progress.step("statistics and chart", phases.size(), phases.size());
        return results;
    }
}
