package org.forklab.experiments.race;

import org.forklab.experiments.core.Deadline;

import java.util.List;

/** The race in C, run by the native probe (pthreads on a plain or volatile global, or fork). */
final class NativeRace {
    private NativeRace() {
    }

    record Run(List<RaceExperiment.Trial> trials, Long parentCounter) {
    }

    static boolean available() {
        return false;
    }

    static String unavailableReason() {
        return "the native probe is not part of this build yet";
    }

    static Run run(RaceVariant variant, RaceConfig config, Deadline deadline) {
        throw new UnsupportedOperationException(unavailableReason());
    }
}
