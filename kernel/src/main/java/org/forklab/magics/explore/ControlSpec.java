package org.forklab.magics.explore;

import java.util.List;
import java.util.Locale;
import org.forklab.magics.parse.ByteSize;

/**
 * One control of a panel, read from one option of a magic: which option it sets, what kind of
 * control it is, its bounds or choices, and the value it starts at (the user's, else the default).
 */
public record ControlSpec(String option, Kind kind, double min, double max, List<String> choices, Object initial,
                          String help) {

    public enum Kind {
        /** A whole number on a linear slider (small ranges: workers, runs). */
        INTEGER,
        /** A whole number on a log slider (counts over powers of ten: increments, samples). */
        LOG_COUNT,
        /** A size in bytes on a log slider over powers of two. */
        LOG_BYTES,
        /** A duration in seconds on a log slider. */
        LOG_SECONDS,
        /** One of a few words (toggle buttons). */
        ONE_OF,
        /** Any of a few words (multiple select). */
        ANY_OF,
        /** An option without a value (checkbox). */
        FLAG
    }

    /** The option's words for one run: nothing for an unset flag or an empty selection. */
    @SuppressWarnings("unchecked")
    public List<String> args(Object value) {
        return switch (kind) {
            case FLAG -> Boolean.TRUE.equals(value) ? List.of(option) : List.of();
            case ANY_OF -> ((List<String>) value).isEmpty() ? List.of() : List.of(option, String.join(",", (List<String>) value));
            case ONE_OF -> List.of(option, (String) value);
            default -> List.of(option, format(((Number) value).doubleValue()));
        };
    }

    /** A slider's value as the option is written: 32000, 64k, 250ms. */
    public String format(double value) {
        return switch (kind) {
            case INTEGER -> Long.toString(Math.round(value));
            case LOG_COUNT -> Long.toString(twoDigits(value));
            case LOG_BYTES -> ByteSize.format(Math.round(value));
            case LOG_SECONDS -> Math.round(value * 1000) + "ms";
            default -> String.format(Locale.ROOT, "%s", value);
        };
    }

    /** A log slider lands between round numbers; two significant digits keep the run's title readable. */
    static long twoDigits(double value) {
        if (value < 100) {
            return Math.round(value);
        }
        double scale = Math.pow(10, Math.floor(Math.log10(value)) - 1);
        return Math.round(Math.round(value / scale) * scale);
    }
}
