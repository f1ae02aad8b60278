package org.forklab.kernel.magic;

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

    /** Parses {@code args} into a fresh command and calls it; returns its result (shown if not null). */
    public static Object run(Supplier<? extends Callable<?>> factory, List<String> args) throws Exception {
        Callable<?> command = factory.get();
        CommandLine line = new CommandLine(command);
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

    /** Parses no arguments into {@code command} (never calling it) and builds its usage text. */
    static void exercise(Callable<?> command) {
        CommandLine line = new CommandLine(command);
        try {
            line.parseArgs();
        } catch (ParameterException missing) {
            suggestion(missing); // a required argument: the refusal path is warmed as well
        }
        help(line);
    }

    /** The usage text of a magic, without colours, as --help prints it. */
    public static String help(Class<?> commandClass) {
        return help(new CommandLine(commandClass));
    }

    private static String help(CommandLine line) {
        return line.getUsageMessage(Ansi.OFF);
    }

    /** First line of the command's description, for %lsmagic. */
    public static String summary(Class<?> commandClass) {
        Command command = commandClass.getAnnotation(Command.class);
        return command == null || command.description().length == 0 ? "" : command.description()[0];
    }

    private static String suggestion(ParameterException e) {
        if (e instanceof UnmatchedArgumentException) {
            List<String> suggestions = ((UnmatchedArgumentException) e).getSuggestions();
            if (!suggestions.isEmpty()) {
                return "; did you mean " + String.join(" or ", suggestions) + "?";
            }
        }
        return "";
    }
}
