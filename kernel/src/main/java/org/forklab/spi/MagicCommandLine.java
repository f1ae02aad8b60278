package org.forklab.spi;

import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The one picocli adapter of forklab, for the kernel's own magics (%maven, %load ...) and the
 * forklab magics alike: a magic declared as a picocli command gets the same settings, the same
 * generated help and the same one-line refusal with its "did you mean". It lives in the seam
 * because both sides use it and neither may depend on the other.
 */
public final class MagicCommandLine {
    /** Help is laid out for this many columns whatever the terminal, so help texts are stable. */
    public static final int HELP_WIDTH = 100;
    private static final int MAX_ECHO = 120;

    private MagicCommandLine() {
    }

    /** picocli's model of an annotated command, with forklab's settings. */
    public static CommandLine of(Object command) {
        return of(CommandSpec.forAnnotatedObject(command));
    }

    /** A command line for {@code spec} (a magic may have decorated it first), with forklab's settings. */
    public static CommandLine of(CommandSpec spec) {
        // picocli's tracer would print "[picocli WARN] Unbalanced quotes ..." on the cell's error
        // stream, a second line beside the one-line refusal; the refusal alone says enough.
        CommandLine.tracer().setLevel(CommandLine.TraceLevel.OFF);
        CommandLine line = new CommandLine(spec);
        line.setUsageHelpWidth(HELP_WIDTH);
        line.setUsageHelpAutoWidth(false);
        // "@file" would read arguments from a file: surprising in a notebook, so it is off.
        line.setExpandAtFiles(false);
        line.setCaseInsensitiveEnumValuesAllowed(true);
        line.setOverwrittenOptionsAllowed(true);
        return line;
    }

    /**
     * Fills the command's fields from {@code args}. Returns the usage text when help was asked for
     * (the command must then not run), empty when the command is ready to run; bad arguments throw
     * a {@link UsageError} of one line naming the way to the help.
     */
    public static Optional<String> parse(CommandLine line, List<String> args) {
        String name = line.getCommandSpec().name();
        try {
            line.parseArgs(args.toArray(String[]::new));
        } catch (ParameterException e) {
            throw new UsageError(name + ": " + describe(e) + " (see " + name + " --help)");
        }
        return line.isUsageHelpRequested() ? Optional.of(usage(line)) : Optional.empty();
    }

    /** The generated help, without colours. */
    public static String usage(CommandLine line) {
        return line.getUsageMessage(CommandLine.Help.Ansi.OFF);
    }

    /** The completion candidates picocli declares for {@code option} of {@code line}, empty for none. */
    public static List<String> candidates(CommandLine line, String option) {
        CommandLine.Model.OptionSpec spec = line.getCommandSpec().findOption(option);
        List<String> words = new java.util.ArrayList<>();
        if (spec != null && spec.completionCandidates() != null) {
            spec.completionCandidates().forEach(words::add);
        }
        return words;
    }

    /** First line of the command's description, for %lsmagic and the README's table. */
    public static String summary(Class<?> commandClass) {
        Command command = commandClass.getAnnotation(Command.class);
        return command == null || command.description().length == 0 ? "" : command.description()[0];
    }

    /** One line for a picocli complaint, with its did-you-mean ({@link Suggestions}) when it has one. */
    public static String describe(ParameterException e) {
        String message = oneLine(e.getMessage());
        if (e instanceof UnmatchedArgumentException unmatched) {
            // The first word that looks like an option is the slip; the value after it (the 40 of
            // --smaples 40) is only unmatched because its option was, so it is not named.
            Optional<String> option = unmatched.getUnmatched().stream().filter(w -> w.startsWith("-") && w.length() > 1)
                    .findFirst().map(w -> w.contains("=") ? w.substring(0, w.indexOf('=')) : w);
            if (option.isPresent()) {
                String typed = option.get();
                return "unknown option '" + clip(typed) + "'" + Suggestions.hint(typed,
                        unmatched.getCommandLine().getCommandSpec().optionsMap().keySet(), n -> n);
            }
            List<String> suggestions = unmatched.getSuggestions();
            if (!suggestions.isEmpty()) {
                message += "; did you mean " + String.join(" or ", suggestions.subList(0, Math.min(3, suggestions.size()))) + "?";
            }
        }
        return message;
    }

    /** {@code text} as one line: every whitespace run one space, long words clipped. */
    public static String oneLine(String text) {
        if (text == null || text.isBlank()) {
            return "invalid arguments";
        }
        // Whitespace runs (a user's tab or line break inside a value too) become one space, so
        // the message stays one line whatever was typed.
        String first = text.strip().replaceAll("\\s+", " ");
        StringBuilder out = new StringBuilder();
        for (String word : first.split(" ")) {
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(clip(word));
        }
        return out.toString();
    }

    /** A user's word cut to a readable length, so a 5,000-digit number does not fill the cell. */
    public static String clip(String word) {
        return word.length() <= MAX_ECHO ? word : word.substring(0, MAX_ECHO - 1) + "…";
    }
}
