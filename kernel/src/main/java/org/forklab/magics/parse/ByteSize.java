package org.forklab.magics.parse;

import org.forklab.spi.MagicCommandLine;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A size in bytes written the way people write it: 4096, 64k, 1m, 1g (powers of 1024). */
public record ByteSize(long bytes) {
    private static final Pattern FORM = Pattern.compile("(\\d{1,12})\\s*([kmgt]?)(i?b)?", Pattern.CASE_INSENSITIVE);

    public static ByteSize parse(String text) {
        Matcher m = FORM.matcher(text.trim());
        if (!m.matches()) {
            throw new TypeConversionException("'" + MagicCommandLine.clip(text)
                    + "' is not a size; write bytes or a number with k, m or g, e.g. 64k or 1g");
        }
        long number = Long.parseLong(m.group(1));
        int shift = switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "k" -> 10;
            case "m" -> 20;
            case "g" -> 30;
            case "t" -> 40;
            default -> 0;
        };
        if (number > (Long.MAX_VALUE >> shift)) {
            throw new TypeConversionException("'" + MagicCommandLine.clip(text) + "' is too large a size");
        }
        return new ByteSize(number << shift);
    }

    @Override
    public String toString() {
        return format(bytes);
    }

    /** 4096 -> "4k", 1073741824 -> "1g", 1000 -> "1000". */
    public static String format(long bytes) {
        String[] units = {"t", "g", "m", "k"};
        int[] shifts = {40, 30, 20, 10};
        for (int i = 0; i < units.length; i++) {
            long unit = 1L << shifts[i];
            if (bytes >= unit && bytes % unit == 0) {
                return (bytes / unit) + units[i];
            }
        }
        return Long.toString(bytes);
    }

    /** picocli converter for {@code ByteSize} fields. */
    public static final class Converter implements ITypeConverter<ByteSize> {
        @Override
        public ByteSize convert(String value) {
            return parse(value);
        }
    }
}
