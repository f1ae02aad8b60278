package org.forklab.magics.explore;

import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.forklab.magics.MagicCall;
import org.forklab.magics.parse.ByteSize;
import org.forklab.magics.parse.MagicDefinition;
import org.forklab.magics.parse.MagicParser;
import org.forklab.magics.parse.Range;
import org.forklab.spi.UsageError;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * The controls of a panel, read from a magic's own picocli declarations: a {@link Range}d option
 * becomes a slider with those bounds (sizes, durations and wide counts on a log scale), an option
 * whose help lists its words becomes toggles or a multiple select (each word kept only if the
 * magic's own check accepts it), a flag a checkbox. Options that are safety caps or about the
 * result (--timeout, --max-*, --as, --save) get no control; given by the user, they are kept
 * for every run, as are the user's other options.
 */
public record PanelSpec(MagicDefinition magic, List<ControlSpec> controls, List<String> keptArgs) {
    private static final Set<String> NO_CONTROL = Set.of("--as", "--save", "--timeout");
    /** A linear slider is usable up to this many steps; wider ranges get a log slider. */
    private static final int LINEAR_STEPS = 256;

    public static PanelSpec of(MagicDefinition magic, List<String> args) {
        if (MagicParser.parse(magic.display(), magic.factory().get(), args).isPresent()) {
            throw new UsageError("%explore: " + magic.display() + " --help shows its options; a panel needs none of them");
        }
        CommandLine line = MagicParser.commandLine(magic.display(), magic.factory().get());
        ParseResult parsed = line.parseArgs(args.toArray(String[]::new));
        List<ControlSpec> controls = new ArrayList<>();
        for (OptionSpec option : line.getCommandSpec().options()) {
            if (!option.usageHelp() && !option.versionHelp() && !NO_CONTROL.contains(option.longestName())
                    && !option.longestName().startsWith("--max-") && option.userObject() instanceof Field field) {
                control(magic, option, field).ifPresent(controls::add);
            }
        }
        Set<String> controlled = new LinkedHashSet<>();
        controls.forEach(c -> controlled.add(c.option()));
        List<String> kept = new ArrayList<>();
        parsed.matchedPositionals().forEach(p -> kept.addAll(p.originalStringValues()));
        for (OptionSpec matched : parsed.matchedOptions()) {
            if (!controlled.contains(matched.longestName())) {
                kept.add(matched.longestName());
                kept.addAll(matched.originalStringValues());
            }
        }
        return new PanelSpec(magic, List.copyOf(controls), List.copyOf(kept));
    }

    /** The arguments of one run: the kept ones, then each control's option with its value. */
    public List<String> args(List<Object> values) {
        List<String> args = new ArrayList<>(keptArgs);
        for (int i = 0; i < controls.size(); i++) {
            args.addAll(controls.get(i).args(values.get(i)));
        }
        return args;
    }

    private static java.util.Optional<ControlSpec> control(MagicDefinition magic, OptionSpec option, Field field) {
        Class<?> type = elementType(field);
        Object value = first(option.getValue());
        String help = String.join(" ", option.description());
        Range range = field.getAnnotation(Range.class);
        if (range != null) {
            if (value == null) {
                return java.util.Optional.empty();
            }
            if (type == ByteSize.class) {
                double min = Math.max(1, range.min());
                return ranged(option, ControlSpec.Kind.LOG_BYTES, min, range.max(), ((ByteSize) value).bytes(), help);
            }
            if (type == Duration.class) {
                double min = Math.max(0.001, range.min());
                return ranged(option, ControlSpec.Kind.LOG_SECONDS, min, range.max(), ((Duration) value).toNanos() / 1e9, help);
            }
            if (value instanceof Number n) {
                boolean linear = range.max() - range.min() <= LINEAR_STEPS;
                return ranged(option, linear ? ControlSpec.Kind.INTEGER : ControlSpec.Kind.LOG_COUNT,
                        linear ? range.min() : Math.max(1, range.min()), range.max(), n.doubleValue(), help);
            }
            return java.util.Optional.empty();
        }
        if ((type == boolean.class || type == Boolean.class) && option.arity().max() == 0) {
            return java.util.Optional.of(new ControlSpec(option.longestName(), ControlSpec.Kind.FLAG, 0, 0, List.of(),
                    Boolean.TRUE.equals(value), help));
        }
        if (type != String.class && !type.isEnum()) {
            return java.util.Optional.empty();
        }
        List<String> words = accepted(magic, option.longestName(), listedWords(help));
        if (words.size() < 2) {
            return java.util.Optional.empty();
        }
        if (Collection.class.isAssignableFrom(field.getType())) {
            List<String> chosen = new ArrayList<>();
            Object all = option.getValue();
            if (all instanceof Collection<?> c) {
                c.forEach(v -> chosen.add(String.valueOf(v)));
            }
            List<String> initial = words.containsAll(chosen) && !chosen.isEmpty() ? chosen : words;
            return java.util.Optional.of(new ControlSpec(option.longestName(), ControlSpec.Kind.ANY_OF, 0, 0, words,
                    List.copyOf(initial), help));
        }
        String start = value != null && words.contains(String.valueOf(value)) ? String.valueOf(value) : words.get(0);
        return java.util.Optional.of(new ControlSpec(option.longestName(), ControlSpec.Kind.ONE_OF, 0, 0, words, start, help));
    }

    private static java.util.Optional<ControlSpec> ranged(OptionSpec option, ControlSpec.Kind kind, double min,
                                                          double max, double value, String help) {
        double start = Math.min(max, Math.max(min, value));
        return java.util.Optional.of(new ControlSpec(option.longestName(), kind, min, max, List.of(), start, help));
    }

    /**
     * The words an option's help lists after its colon ("Variants, or all: plain, volatile, …";
     * "Where to measure: scheduler (…) or one-cpu (…)"): the first word of each item.
     */
    static List<String> listedWords(String help) {
        int colon = help.lastIndexOf(':');
        if (colon < 0) {
            return List.of();
        }
        List<String> words = new ArrayList<>();
        for (String item : help.substring(colon + 1).split(",|\\bor\\b")) {
            String word = item.strip().split("[\\s(.;]", 2)[0];
            if (word.matches("[A-Za-z0-9_-]+") && !word.equals("all") && !words.contains(word)) {
                words.add(word);
            }
        }
        return words;
    }

    /** Only the words the magic itself accepts for the option (its own parsing and checks decide). */
    private static List<String> accepted(MagicDefinition magic, String option, List<String> words) {
        List<String> accepted = new ArrayList<>();
        for (String word : words) {
            try {
                MagicCall.check(magic, List.of(option, word));
                accepted.add(word);
            } catch (RuntimeException refused) {
                // not one of its words: no control offers it
            }
        }
        return accepted;
    }

    private static Object first(Object value) {
        if (value instanceof Collection<?> c) {
            return c.isEmpty() ? null : c.iterator().next();
        }
        return value;
    }

    private static Class<?> elementType(Field field) {
        if (Collection.class.isAssignableFrom(field.getType()) && field.getGenericType() instanceof ParameterizedType p
                && p.getActualTypeArguments()[0] instanceof Class<?> element) {
            return element;
        }
        return field.getType();
    }
}
