package org.forklab.experiments.faults;

import org.forklab.experiments.core.Signal;

import java.util.Optional;

/**
 * How one sandbox process ended.
 *
 * @param role     "container of W threads", or "worker I" in processes mode
 * @param exitCode the exit status (128 + N when signal N ended it)
 * @param signal   the signal that ended it, if any
 * @param timedOut whether forklab stopped it at the time limit
 */
public record ProcessEnd(String role, int exitCode, Optional<Signal> signal, boolean timedOut) {

    public boolean cleanExit() {
        return exitCode == 0 && signal.isEmpty() && !timedOut;
    }

    /** E.g. "exited 0", "exited 3", "killed by SIGSEGV (11)", "stopped at the time limit". */
    public String describe() {
        return timedOut ? "stopped at the time limit"
                : signal.map(s -> "killed by " + s).orElse("exited " + exitCode);
    }
}
