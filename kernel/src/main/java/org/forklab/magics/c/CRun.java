package org.forklab.magics.c;

import java.util.List;
import java.util.Optional;

/**
 * How a C cell's program ended.
 *
 * @param arguments  the words passed to the program after {@code --}
 * @param exitCode   its exit status (128 + N when signal N ended it)
 * @param signal     the signal that ended it, e.g. "SIGSEGV (11)", if one did
 * @param timedOut   whether it was stopped at its time limit
 * @param seconds    wall time from start to reaped
 * @param stdout     what it printed on standard output
 * @param warnings   the compiler's warnings, empty if none
 * @param contained  the caps it ran under and what they saw
 */
public record CRun(List<String> arguments, int exitCode, Optional<String> signal, boolean timedOut, double seconds,
                   String stdout, String warnings, Containment contained) {

    public boolean succeeded() {
        return !timedOut && exitCode == 0;
    }

    /** stdout as lines, e.g. for parsing numbers a program printed. */
    public List<String> lines() {
        return stdout.isEmpty() ? List.of() : List.of(stdout.split("\n"));
    }
}
