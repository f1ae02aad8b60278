package org.forklab.magics;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.forklab.magics.parse.ByteSize;
import org.forklab.magics.parse.ChecksConfiguration;
import org.forklab.magics.parse.MagicDefinition;
import org.forklab.magics.parse.MagicParser;
import org.forklab.magics.parse.Range;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * Each range is written once: for every {@link Range} an experiment magic declares, its
 * experiment's config refuses a value just past either end as out of range and takes the ends
 * themselves. The values are put into the fields directly, past the magic's own check, so what
 * answers is the config; a config whose bound is wider or narrower than the option's fails here.
 */
class RangesMatchConfigsTest {
    /**
     * Ends that the config may refuse for a reason of its own, with that reason. Past the ends it
     * must still refuse.
     */
    private static final Map<String, String> ENDS_BOUNDED_FURTHER = Map.of(
            "%c10k --clients", "the open-files limit of this machine usually allows fewer",
            "%crash --faulty", "the faulty worker is one of the --workers, 0 to W-1");

    @TestFactory
    Stream<DynamicTest> everyRangedOptionHasTheBoundsOfItsConfig() {
        List<DynamicTest> tests = new ArrayList<>();
        for (MagicDefinition magic : MagicCatalog.all()) {
            if (!(magic.factory().get() instanceof ChecksConfiguration)) {
                continue;
            }
            for (Field field : rangedFields(magic)) {
                String option = magic.display() + " " + optionName(field);
                // The --max-* options raise a safety cap up to the machine's hard cap; no config bounds them.
                if (optionName(field).startsWith("--max-")) {
                    continue;
                }
                tests.add(DynamicTest.dynamicTest(option, () -> check(magic, field, option)));
            }
        }
        assertTrue(tests.size() >= 30, "ranged options found: " + tests.size());
        return tests.stream();
    }

    private static void check(MagicDefinition magic, Field field, String option) {
        Range range = field.getAnnotation(Range.class);
        boolean whole = isWhole(MagicParser.elementType(field));
        double below = whole ? range.min() - 1 : range.min() > 0 ? range.min() / 2 : range.min() - 1;
        double above = whole ? range.max() + 1 : range.max() * 2;
        for (double past : List.of(below, above)) {
            Optional<String> refusal = refusal(magic, field, past);
            assertTrue(refusal.filter(m -> m.contains("out of range")).isPresent(), option + " " + shown(past, whole)
                    + " is outside the option's range " + MagicParser.rangeText(field)
                    + " but the config said: " + refusal.orElse("nothing"));
        }
        if (ENDS_BOUNDED_FURTHER.containsKey(option)) {
            return;
        }
        for (double end : List.of(range.min(), range.max())) {
            Optional<String> refusal = refusal(magic, field, end);
            assertFalse(refusal.filter(m -> m.contains("out of range")).isPresent(), option + " " + shown(end, whole)
                    + " is inside the option's range " + MagicParser.rangeText(field) + " but the config said: "
                    + refusal.orElse(""));
        }
    }

    private static String shown(double value, boolean whole) {
        return whole ? Long.toString((long) value) : Double.toString(value);
    }

    /** What the magic's configuration check says with its defaults and {@code value} in {@code field}. */
    private static Optional<String> refusal(MagicDefinition magic, Field field, double value) {
        Object command = magic.factory().get();
        MagicParser.parse(magic.display(), command, List.of());
        try {
            Object owner = owner(magic, command, field);
            field.setAccessible(true);
            Object element = element(MagicParser.elementType(field), value);
            field.set(owner, Collection.class.isAssignableFrom(field.getType()) ? new ArrayList<>(List.of(element)) : element);
            ((ChecksConfiguration) command).checkConfiguration();
            return Optional.empty();
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        } catch (RuntimeException e) {
            return Optional.of(String.valueOf(e.getMessage()));
        }
    }

    private static Object element(Class<?> type, double value) {
        if (type == int.class || type == Integer.class) {
            return (int) value;
        }
        if (type == long.class || type == Long.class) {
            return (long) value;
        }
        if (type == double.class || type == Double.class) {
            return value;
        }
        if (type == Duration.class) {
            return Duration.ofNanos(Math.round(value * 1e9));
        }
        if (type == ByteSize.class) {
            return new ByteSize((long) value);
        }
        throw new IllegalStateException("no probe value for " + type);
    }

    private static boolean isWhole(Class<?> type) {
        return type == int.class || type == Integer.class || type == long.class || type == Long.class || type == ByteSize.class;
    }

    private static List<Field> rangedFields(MagicDefinition magic) {
        List<Field> fields = new ArrayList<>();
        for (Object part : parts(MagicParser.commandLine(magic.display(), magic.factory().get()).getCommandSpec())) {
            for (Field field : part.getClass().getDeclaredFields()) {
                if (field.isAnnotationPresent(Range.class)) {
                    fields.add(field);
                }
            }
        }
        return fields;
    }

    private static Object owner(MagicDefinition magic, Object command, Field field) {
        CommandSpec spec = MagicParser.commandLine(magic.display(), command).getCommandSpec();
        return parts(spec).stream().filter(p -> p.getClass() == field.getDeclaringClass()).findFirst().orElseThrow();
    }

    /** The command object and its mixins, whose fields picocli fills. */
    private static List<Object> parts(CommandSpec spec) {
        List<Object> parts = new ArrayList<>();
        parts.add(spec.userObject());
        spec.mixins().values().forEach(m -> parts.addAll(parts(m)));
        return parts;
    }

    private static String optionName(Field field) {
        Option option = field.getAnnotation(Option.class);
        return option == null ? field.getName()
                : Stream.of(option.names()).filter(n -> n.startsWith("--")).findFirst().orElse(option.names()[0]);
    }
}
