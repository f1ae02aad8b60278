package org.forklab.magics.parse;

import org.forklab.spi.MagicCommandLine;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** picocli converter for time limits: 10 (seconds), 2.5s, 500ms, 1m. */
public final class Seconds implements ITypeConverter<Duration> {
    private static final Pattern FORM = Pattern.compile("(\\d{1,9}(?:\\.\\d{1,6})?)\\s*(ms|s|m)?", Pattern.CASE_INSENSITIVE);

    @Override
    public Duration convert(String value) {
        return parse(value);
    }

    public static Duration parse(String value) {
        Matcher m = FORM.matcher(value.trim());
        if (!m.matches()) {
            throw new TypeConversionException("'" + MagicCommandLine.clip(value)
                    + "' is not a duration; write seconds, or a number with ms, s or m, e.g. 500ms or 10s");
        }
        double number = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2).toLowerCase(Locale.ROOT);
        double millis = switch (unit) {
            case "ms" -> number;
            case "m" -> number * 60_000;
            default -> number * 1_000;
        };
        return Duration.ofNanos(Math.round(millis * 1_000_000));
    }

    /** 10 s -> "10s", 0.5 s -> "500ms". */
    public static String format(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? (ms / 1000) + "s" : ms + "ms";
    }
}
