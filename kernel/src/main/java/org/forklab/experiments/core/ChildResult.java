package org.forklab.experiments.core;

import java.util.List;
import java.util.Optional;

/**
 * How a child process ended.
 *
 * @param command     what ran
 * @param exitCode    the exit status as Java reports it (128 + N when signal N ended it)
 * @param timedOut    whether forklab stopped it at its time limit
 * @param stdout      everything it printed on standard output (up to a cap)
 * @param stderrTail  the last lines of its standard error, for failure messages
 * @param elapsedNanos wall time from start to reaped
 */
public record ChildResult(List<String> command, int exitCode, boolean timedOut, String stdout, String stderrTail,
                          long elapsedNanos) {

    public boolean succeeded() {
        return !timedOut && exitCode == 0;
    }

    /** The signal that ended the child, when it died of one (the JDK reports 128 + signal). */
    public Optional<Signal> signal() {
        return exitCode > 128 && exitCode < 128 + 65 ? Optional.of(Signal.of(exitCode - 128)) : Optional.empty();
    }

    /** stdout split into lines. */
    public List<String> stdoutLines() {
        return stdout.isEmpty() ? List.of() : List.of(stdout.split("\n"));
    }

    /** One line for a failure, with the tail of stderr behind it. */
    public String describeFailure() {
        String how = timedOut ? "was stopped at its time limit"
                : signal().map(s -> "was killed by " + s).orElse("exited with status " + exitCode);
        String name = command.get(0).substring(command.get(0).lastIndexOf('/') + 1);
        return stderrTail.isBlank() ? name + " " + how : name + " " + how + "; its last error output:\n" + stderrTail;
    }
}
