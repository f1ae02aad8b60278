package org.forklab.kernel.magic;

import org.forklab.spi.MagicCommandLine;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * Runs a kernel magic declared as a picocli command through the adapter the forklab magics use
 * too ({@link MagicCommandLine}): arguments become its annotated fields, {@code --help} prints the
 * usage generated from them, bad arguments give one line with a suggestion.
 */
public final class PicocliMagic {
    private PicocliMagic() {
    }

    /**
     * A magic whose command object and picocli model are built at its first call and then kept.
     * Building the model (reflection over the annotations) is most of a small magic's time;
     * picocli resets every option and parameter to its initial value before each parse, so a call
     * still sees only its own arguments. Calls are serialised.
     */
    public static final class Reused {
        private final Supplier<? extends Callable<?>> factory;
        private Callable<?> command;
        private CommandLine line;

        public Reused(Supplier<? extends Callable<?>> factory) {
            this.factory = factory;
        }

        /** Parses {@code args} into the command and calls it; returns its result (shown if not null). */
        public synchronized Object run(List<String> args) throws Exception {
            Optional<String> help = MagicCommandLine.parse(line(), args);
            if (help.isPresent()) {
                System.out.print(help.get());
                return null;
            }
            return command.call();
        }

        /** Parses no arguments (never calling the command) and builds the usage text. */
        synchronized void exercise() {
            CommandLine built = line();
            try {
                built.parseArgs();
            } catch (ParameterException missing) {
                MagicCommandLine.describe(missing); // a required argument: the refusal path is warmed as well
            }
            MagicCommandLine.usage(built);
        }

        private CommandLine line() {
            if (line == null) {
                command = factory.get();
                line = MagicCommandLine.of(command);
            }
            return line;
        }
    }
}
