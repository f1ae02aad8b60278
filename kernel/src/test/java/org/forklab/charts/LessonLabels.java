package org.forklab.charts;

import java.util.ArrayList;
import java.util.List;
import org.forklab.experiments.cost.CostConfig;
import org.forklab.experiments.cost.CostVariant;
import org.forklab.experiments.cost.PageKind;
import org.forklab.experiments.faults.FaultKind;
import org.forklab.experiments.faults.FaultMode;
import org.forklab.experiments.race.RaceVariant;
import org.forklab.experiments.switching.Placement;
import org.forklab.experiments.switching.SwitchMode;

/**
 * The category labels the lessons' charts really carry, put together from the experiments' own
 * variant, placement, mode and kind names the way each experiment labels its samples.
 */
final class LessonLabels {

    private LessonLabels() {
    }

    /** %spawn: every variant, exec ones with the default program, executors with their workers. */
    static List<String> spawn() {
        CostConfig c = CostConfig.defaults();
        List<String> out = new ArrayList<>();
        for (CostVariant v : CostVariant.values()) {
            out.add(switch (v) {
                case EXECUTOR_LATENCY -> v.label() + " (" + c.executorThreads() + " worker)";
                case EXECUTOR_THROUGHPUT -> v.label() + " (" + c.executorThreads() + " worker, " + c.throughputBatch()
                        + " tasks per sample)";
                case PROCESS_BUILDER, FORK_EXEC, VFORK_EXEC, POSIX_SPAWN -> v.label() + " " + c.execPath();
                default -> v.label();
            });
        }
        return out;
    }

    /** %spawn's fork sweep rows, the longest page kind included. */
    static List<String> forkSweep() {
        List<String> out = new ArrayList<>();
        out.add(CostVariant.FORK.label() + " after touching no memory");
        for (PageKind pages : PageKind.values()) {
            String what = "1024 MB (" + pages.description() + ")";
            out.add(CostVariant.FORK.label() + " after touching " + what);
            out.add(CostVariant.FORK_CALL.label() + " after touching " + what);
        }
        return out;
    }

    /** %pingpong: every mode at every placement, per handoff. */
    static List<String> pingpong() {
        List<String> out = new ArrayList<>();
        for (SwitchMode mode : SwitchMode.values()) {
            for (Placement placement : Placement.values()) {
                out.add(mode.label() + ", " + placement.word() + ", per handoff");
            }
        }
        return out;
    }

    /** %race: time per increment and lost updates of every variant. */
    static List<String> race(String what) {
        List<String> out = new ArrayList<>();
        for (RaceVariant v : RaceVariant.values()) {
            out.add(v.label() + ": " + what);
        }
        return out;
    }

    /** %crash: one category per fault and mode. */
    static List<String> crash() {
        List<String> out = new ArrayList<>();
        for (FaultKind kind : FaultKind.values()) {
            for (FaultMode mode : FaultMode.values()) {
                out.add(kind.word() + ", " + mode.word());
            }
        }
        return out;
    }
}
