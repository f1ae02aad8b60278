package org.forklab.kernel.magic;

import org.forklab.spi.UsageError;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.forklab.spi.Suggestions;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ${name}} in a magic's arguments, replaced by the value of the Java variable {@code name}
 * from an earlier cell, so a notebook's parameters cell (the one papermill rewrites) steers its
 * magics: {@code int samples = 200;} then {@code %spawn -n ${samples}}. A list becomes its elements
 * joined by commas, the form the magics' list options split. Substitution happens after the line
 * was split into arguments, so a value never turns into more arguments and never meets a shell.
 */
public final class MagicParameters {
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^}]*)}");

    /**
     * What the cells have declared.
     *
     * @param names the names of the variables declared so far
     * @param value the current value (may be null) of one of those names
     */
    public record Variables(Supplier<Set<String>> names, Function<String, Object> value) {
    }

    private MagicParameters() {
    }

    /** {@code args} with every {@code ${name}} replaced; an unknown or null name is one UsageError line. */
    public static List<String> substitute(String magic, List<String> args, Variables variables) throws UsageError {
        if (args.stream().noneMatch(a -> a.contains("${"))) {
            return args;
        }
        List<String> out = new ArrayList<>(args.size());
        for (String arg : args) {
            out.add(substitute(magic, arg, variables));
        }
        return out;
    }

    private static String substitute(String magic, String arg, Variables variables) throws UsageError {
        Matcher m = REFERENCE.matcher(arg);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(text(magic, m.group(1).strip(), variables)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String text(String magic, String name, Variables variables) throws UsageError {
        Set<String> names = variables.names().get();
        if (!names.contains(name)) {
            throw new UsageError(magic + ": ${" + name + "} names no Java variable; declare it in an earlier cell"
                    + " (the parameters cell, e.g. int " + (name.isEmpty() ? "samples" : name) + " = 100;)"
                    + suggestion(name, names));
        }
        Object value = variables.value().apply(name);
        if (value == null) {
            throw new UsageError(magic + ": ${" + name + "} is null; give it a value in the parameters cell"
                    + " or leave the option out to use its default");
        }
        return render(value);
    }

    /** How a value is written into an argument: numbers and text as they print, lists comma-joined. */
    static String render(Object value) {
        if (value instanceof Collection<?> c) {
            List<String> parts = new ArrayList<>();
            c.forEach(e -> parts.add(String.valueOf(e)));
            return String.join(",", parts);
        }
        if (value.getClass().isArray()) {
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < Array.getLength(value); i++) {
                parts.add(String.valueOf(Array.get(value, i)));
            }
            return String.join(",", parts);
        }
        return String.valueOf(value);
    }

    private static String suggestion(String name, Set<String> names) {
        return Suggestions.hint(name, new TreeSet<>(names), n -> "${" + n + "}"); // alphabetical among ties
    }
}
