package org.forklab.stats;

/**
 * The unit samples are given in. Units of one {@link Dimension} convert into each other, so a
 * claim stated in µs can be checked against samples measured in ns.
 */
public enum Unit {
    NANOSECONDS("ns", Dimension.TIME, 1),
    MICROSECONDS("µs", Dimension.TIME, 1e3),
    MILLISECONDS("ms", Dimension.TIME, 1e6),
    SECONDS("s", Dimension.TIME, 1e9),
    BYTES("B", Dimension.SIZE, 1),
    KIBIBYTES("KiB", Dimension.SIZE, 1024),
    MEBIBYTES("MiB", Dimension.SIZE, 1024.0 * 1024),
    GIBIBYTES("GiB", Dimension.SIZE, 1024.0 * 1024 * 1024),
    /** A plain count or ratio: no symbol, no scaling. */
    COUNT("", Dimension.NONE, 1);

    /** What a unit measures; only units of the same dimension convert. */
    public enum Dimension { TIME, SIZE, NONE }

    private final String symbol;
    private final Dimension dimension;
    private final double baseFactor;

    Unit(String symbol, Dimension dimension, double baseFactor) {
        this.symbol = symbol;
        this.dimension = dimension;
        this.baseFactor = baseFactor;
    }

    /** The words experiments give for counts, rates and ratios: shown as plain numbers, unscaled. */
    private static final java.util.Set<String> PLAIN_WORDS = java.util.Set.of("", "count", "updates", "threads",
            "1/s", "items/s", "mb/s", "round trips/s");

    /**
     * The unit of an experiment's unit word ("ns", "bytes", "kB", "MB/s", ...): the one mapping
     * from the words samples carry to this type. A word it does not know is refused, never
     * read as a plain count, so a new unit cannot be shown unscaled without anyone noticing.
     */
    public static Unit ofWord(String word) {
        String w = word.toLowerCase(java.util.Locale.ROOT);
        return switch (w) {
            case "ns" -> NANOSECONDS;
            case "us", "µs" -> MICROSECONDS;
            case "ms" -> MILLISECONDS;
            case "s" -> SECONDS;
            case "b", "byte", "bytes" -> BYTES;
            case "kib", "kb" -> KIBIBYTES;
            case "mib", "mb" -> MEBIBYTES;
            case "gib", "gb" -> GIBIBYTES;
            default -> {
                if (PLAIN_WORDS.contains(w)) {
                    yield COUNT;
                }
                throw new IllegalArgumentException("unknown unit word '" + word + "': accepted ns, us, ms, s, bytes, kB,"
                        + " MiB, GiB or a plain count/rate (" + String.join(", ", new java.util.TreeSet<>(PLAIN_WORDS)).replaceFirst("^, ", "") + ")");
            }
        };
    }

    /** The symbol shown after a number ("µs", "MiB"); empty for {@link #COUNT}. */
    public String symbol() {
        return symbol;
    }

    public Dimension dimension() {
        return dimension;
    }

    /** Converts {@code value} given in this unit into {@code target}. */
    public double convert(double value, Unit target) {
        if (target.dimension != dimension) {
            throw new IllegalArgumentException("cannot convert " + name() + " to " + target.name()
                    + ": they measure different things (" + dimension + " vs " + target.dimension + ")");
        }
        return value * baseFactor / target.baseFactor;
    }

    /**
     * The unit of this dimension in which {@code value} (given in this unit) reads best: the
     * largest unit in which its magnitude is at least 1. Zero, NaN and {@link #COUNT} keep
     * this unit.
     */
    public Unit readableFor(double value) {
        double magnitude = Math.abs(value);
        if (dimension == Dimension.NONE || magnitude == 0 || !Double.isFinite(magnitude)) {
            return this;
        }
        Unit best = smallestOf(dimension);
        for (Unit candidate : values()) {
            if (candidate.dimension == dimension && convert(magnitude, candidate) >= 1
                    && candidate.baseFactor > best.baseFactor) {
                best = candidate;
            }
        }
        return best;
    }

    private static Unit smallestOf(Dimension dimension) {
        for (Unit unit : values()) {
            if (unit.dimension == dimension) {
                return unit; // declared smallest first
            }
        }
        throw new AssertionError(dimension);
    }
}
