package org.forklab.kernel.magic;

import org.forklab.spi.UsageError;
import org.forklab.spi.Suggestions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * Runs a magic declared as a picocli command: arguments become its annotated fields, {@code --help}
 * prints the usage generated from them, bad arguments give one line with a suggestion.
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
            return parseAndCall(line(), command, args);
        }

        /** Parses no arguments (never calling the command) and builds the usage text. */
        synchronized void exercise() {
            CommandLine built = line();
            try {
                built.parseArgs();
            } catch (ParameterException missing) {
                suggestion(missing); // a required argument: the refusal path is warmed as well
            }
            help(built);
        }

        private CommandLine line() {
            if (line == null) {
                command = factory.get();
                line = new CommandLine(command);
            }
            return line;
        }
    }

    private static Object parseAndCall(CommandLine line, Callable<?> command, List<String> args) throws Exception {
        String name = line.getCommandName();
        try {
            line.parseArgs(args.toArray(new String[0]));
        } catch (ParameterException e) {
            throw new UsageError(name + ": " + e.getMessage() + suggestion(e) + " (see " + name + " --help)");
        }
        if (line.isUsageHelpRequested()) {
            System.out.print(help(line));
            return null;
        }
        return command.call();
    }

    private static String help(CommandLine line) {
        return line.getUsageMessage(Ansi.OFF);
    }

    /** First line of the command's description, for %lsmagic. */
    public static String summary(Class<?> commandClass) {
        Command command = commandClass.getAnnotation(Command.class);
        return command == null || command.description().length == 0 ? "" : command.description()[0];
    }

    /**
     * The "did you mean" of the forklab magics too ({@link Suggestions}): the first word that looks
     * like an option, among the command's options; picocli's own suggestions for other words.
     */
    private static String suggestion(ParameterException e) {
        if (e instanceof UnmatchedArgumentException unmatched) {
            String option = unmatched.getUnmatched().stream().filter(w -> w.startsWith("-") && w.length() > 1)
                    .findFirst().map(w -> w.contains("=") ? w.substring(0, w.indexOf('=')) : w).orElse(null);
            if (option != null) {
                return Suggestions.hint(option, unmatched.getCommandLine().getCommandSpec().optionsMap().keySet(), n -> n);
            }
            List<String> suggestions = unmatched.getSuggestions();
            if (!suggestions.isEmpty()) {
                return "; did you mean " + String.join(" or ", suggestions) + "?";
            }
        }
        return "";
    }
}
