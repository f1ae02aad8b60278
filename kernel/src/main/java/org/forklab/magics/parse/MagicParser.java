package org.forklab.magics.parse;

import java.lang.reflect.Field;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.forklab.spi.MagicCommandLine;
import org.forklab.spi.UsageError;
import org.forklab.stats.format.Units;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The forklab magics on the one picocli adapter ({@link MagicCommandLine}): what it adds are the
 * ranges declared with {@link Range}, checked here and shown in the generated help, so that each
 * is written once, and a help that hides the empty default of a list.
 */
public final class MagicParser {
    /** Help is laid out for this many columns whatever the terminal, so help texts are stable. */
    public static final int HELP_WIDTH = MagicCommandLine.HELP_WIDTH;

    private MagicParser() {
    }

    /**
     * Fills {@code command}'s fields from {@code args}. Returns the usage text when help was asked
     * for (the command must then not run), empty when the command is ready to run.
     */
    public static Optional<String> parse(String magic, Object command, List<String> args) {
        CommandLine line = commandLine(magic, command);
        Optional<String> help = MagicCommandLine.parse(line, args);
        if (help.isPresent()) {
            return help;
        }
        for (Object part : parts(line.getCommandSpec())) {
            checkRanges(magic, part);
        }
        return Optional.empty();
    }

    /** The generated help of {@code command}, laid out for {@link #HELP_WIDTH} columns. */
    public static String usage(String magic, Object command) {
        return MagicCommandLine.usage(commandLine(magic, command));
    }

    /** picocli's model of {@code command} with every {@link Range} added to its option's help. */
    public static CommandLine commandLine(String magic, Object command) {
        CommandSpec spec = CommandSpec.forAnnotatedObject(command);
        spec.name(magic);
        // The command's options include those of its mixins; their setters still point at the
        // mixins' fields. All are removed and added back in declaration order, ranged ones with
        // their range appended, so the help keeps the order the magic declares.
        List<OptionSpec> declared = List.copyOf(spec.options());
        declared.forEach(spec::remove);
        for (OptionSpec option : declared) {
            OptionSpec.Builder builder = OptionSpec.builder(option);
            if (option.userObject() instanceof Field field && field.isAnnotationPresent(Range.class)) {
                String[] description = option.description().clone();
                int last = description.length - 1;
                description[last] = description[last] + " " + rangeText(field);
                builder.description(description);
            }
            if (emptyByDefault(option)) {
                builder.showDefaultValue(CommandLine.Help.Visibility.NEVER);
            }
            spec.addOption(builder.build());
        }
        // "Default: []" under a list says nothing; positional lists hide it too.
        for (PositionalParamSpec positional : List.copyOf(spec.positionalParameters())) {
            if (emptyByDefault(positional)) {
                spec.remove(positional);
                spec.addPositional(PositionalParamSpec.builder(positional)
                        .showDefaultValue(CommandLine.Help.Visibility.NEVER).build());
            }
        }
        return MagicCommandLine.of(spec);
    }

    private static boolean emptyByDefault(picocli.CommandLine.Model.ArgSpec arg) {
        return arg.defaultValue() == null && arg.initialValue() instanceof java.util.Collection<?> c && c.isEmpty();
    }

    /** "(1..10000)", "(0.1s..600s)", "(4k..1g)". */
    public static String rangeText(Field field) {
        Range range = field.getAnnotation(Range.class);
        Class<?> type = elementType(field);
        return "(" + format(type, range.min()) + ".." + format(type, range.max()) + ")";
    }

    /** The field's type, or its element type for a list. */
    public static Class<?> elementType(Field field) {
        if (java.util.Collection.class.isAssignableFrom(field.getType())
                && field.getGenericType() instanceof java.lang.reflect.ParameterizedType p
                && p.getActualTypeArguments()[0] instanceof Class<?> element) {
            return element;
        }
        return field.getType();
    }

    private static String format(Class<?> type, double value) {
        if (type == Duration.class) {
            return Units.exact(value) + "s";
        }
        if (type == ByteSize.class) {
            return ByteSize.format((long) value);
        }
        return Units.exact(value);
    }


    private static void checkRanges(String magic, Object part) {
        for (Class<?> c = part.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                Range range = field.getAnnotation(Range.class);
                if (range == null) {
                    continue;
                }
                for (Object element : values(field, part)) {
                    Double value = numeric(element, field);
                    if (value != null && !(value >= range.min() && value <= range.max())) {
                        throw new UsageError(String.format(Locale.ROOT, "%s: %s %s is out of range: accepted %s to %s (see %s --help)",
                                magic, optionName(field), format(elementType(field), value),
                                format(elementType(field), range.min()), format(elementType(field), range.max()), magic));
                    }
                }
            }
        }
    }

    /** The field's value, or each element when it holds a list (e.g. --fork-memory 0,64m). */
    private static List<Object> values(Field field, Object owner) {
        try {
            field.setAccessible(true);
            Object value = field.get(owner);
            if (value instanceof java.util.Collection<?> c) {
                return new ArrayList<>(c);
            }
            List<Object> one = new ArrayList<>();
            one.add(value);
            return one;
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Double numeric(Object value, Field field) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof Duration d) {
            return d.toNanos() / 1e9;
        }
        if (value instanceof ByteSize s) {
            return (double) s.bytes();
        }
        if (value == null) {
            return null;
        }
        throw new IllegalStateException("@Range on a non-numeric field " + field);
    }

    private static String optionName(Field field) {
        CommandLine.Option option = field.getAnnotation(CommandLine.Option.class);
        if (option == null) {
            return field.getName();
        }
        return Arrays.stream(option.names()).filter(n -> n.startsWith("--")).findFirst().orElse(option.names()[0]);
    }

    private static List<Object> parts(CommandSpec spec) {
        List<Object> parts = new ArrayList<>();
        for (CommandSpec s : allSpecs(spec)) {
            parts.add(s.userObject());
        }
        return parts;
    }

    private static List<CommandSpec> allSpecs(CommandSpec spec) {
        List<CommandSpec> all = new ArrayList<>();
        all.add(spec);
        for (CommandSpec mixin : spec.mixins().values()) {
            all.addAll(allSpecs(mixin));
        }
        return all;
    }
}
