package org.forklab.experiments.core;

import java.util.Collection;
import java.util.Locale;

/** Parameter checks that fail with one readable line each. */
public final class Check {
    private Check() {
    }

    /** Requires {@code min <= value <= max}. */
    public static long range(String name, long value, long min, long max) {
        if (value < min || value > max) {
            throw new BadParameterException(String.format(Locale.ROOT,
                    "%s = %d is out of range: accepted %d to %d; try %d", name, value, min, max,
                    Math.max(min, Math.min(max, value))));
        }
        return value;
    }

    /** Requires {@code min <= value <= max}, in a unit that the message names. */
    public static double range(String name, double value, double min, double max, String unit) {
        if (!(value >= min && value <= max)) {
            throw new BadParameterException(String.format(Locale.ROOT,
                    "%s = %s %s is out of range: accepted %s to %s %s", name, value, unit, min, max, unit));
        }
        return value;
    }

    /** Requires a count to stay within a safety cap, naming the parameter that raises it. */
    public static long cap(String name, long value, long cap, String raiseWith) {
        if (value > cap) {
            throw new BadParameterException(String.format(Locale.ROOT,
                    "%s = %d is above the safety cap of %d on this machine; lower it, or raise the cap with %s",
                    name, value, cap, raiseWith));
        }
        return value;
    }

    /** Requires one of a fixed set of words. */
    public static String oneOf(String name, String value, Collection<String> accepted) {
        if (!accepted.contains(value)) {
            throw new BadParameterException(String.format(Locale.ROOT,
                    "%s '%s' is not known: accepted %s", name, printable(value), String.join(", ", accepted)));
        }
        return value;
    }

    /**
     * A user's word as it may be echoed in a one-line message: control characters (a newline
     * would split the line) shown as escapes, and very long input cut.
     */
    public static String printable(String word) {
        StringBuilder out = new StringBuilder();
        word.codePoints().limit(60).forEach(c -> {
            if (Character.isISOControl(c)) {
                out.append(String.format(Locale.ROOT, "\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return word.codePointCount(0, word.length()) > 60 ? out + "…" : out.toString();
    }
}
