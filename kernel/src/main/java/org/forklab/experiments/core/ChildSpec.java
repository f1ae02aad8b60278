package org.forklab.experiments.core;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A child process to run: the command as separate words (never through a shell), extra
 * environment, a time limit, and optional listeners that see each output line as it arrives.
 */
public record ChildSpec(List<String> command, Map<String, String> environment, Duration timeLimit,
                        Consumer<String> onStdoutLine, Consumer<String> onStderrLine) {

    public ChildSpec {
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
        if (command.isEmpty()) {
            throw new IllegalArgumentException("empty command");
        }
    }

    public static ChildSpec of(List<String> command, Duration timeLimit) {
        return new ChildSpec(command, Map.of(), timeLimit, line -> { }, line -> { });
    }

    public ChildSpec streaming(Consumer<String> stdout, Consumer<String> stderr) {
        return new ChildSpec(command, environment, timeLimit, stdout, stderr);
    }
}
