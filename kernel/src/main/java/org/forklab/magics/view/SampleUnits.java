package org.forklab.magics.view;

import java.util.Locale;
import org.forklab.stats.Unit;

/** The stats unit for an experiment's unit word ("ns", "bytes", ...). */
public final class SampleUnits {
    private SampleUnits() {
    }

    public static Unit of(String word) {
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "ns" -> Unit.NANOSECONDS;
            case "us", "µs" -> Unit.MICROSECONDS;
            case "ms" -> Unit.MILLISECONDS;
            case "s" -> Unit.SECONDS;
            case "b", "byte", "bytes" -> Unit.BYTES;
            case "kib", "kb" -> Unit.KIBIBYTES;
            case "mib", "mb" -> Unit.MEBIBYTES;
            case "gib", "gb" -> Unit.GIBIBYTES;
            default -> Unit.COUNT;
        };
    }
}
