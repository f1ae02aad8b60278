package org.forklab.stats;

/**
 * The unit samples are given in. Units of one {@link Dimension} convert into each other, so a
 * claim stated in µs can be checked against samples measured in ns.
 */
public enum Unit {
    NANOSECONDS("ns", "ns", Dimension.TIME, 1),
    MICROSECONDS("µs", "µs", Dimension.TIME, 1e3),
    MILLISECONDS("ms", "ms", Dimension.TIME, 1e6),
    SECONDS("s", "s", Dimension.TIME, 1e9),
    BYTES("bytes", "B", Dimension.SIZE, 1),
    KIBIBYTES("KiB", "KiB", Dimension.SIZE, 1024),
    MEBIBYTES("MiB", "MiB", Dimension.SIZE, 1024.0 * 1024),
    GIBIBYTES("GiB", "GiB", Dimension.SIZE, 1024.0 * 1024 * 1024),
    /** A plain count or ratio: no symbol, no scaling. */
    COUNT("count", "", Dimension.NONE, 1),
    // Plain numbers with a word of their own: shown unscaled and without a symbol, like COUNT,
    // but the word is kept, so samples say what they count and saved files say it back.
    /** Lost updates of a race, per trial. */
    UPDATES("updates", "", Dimension.NONE, 1),
    /** Threads a process holds. */
    THREADS("threads", "", Dimension.NONE, 1),
    /** Events per second. */
    PER_SECOND("1/s", "", Dimension.NONE, 1),
    /** Work items per second. */
    ITEMS_PER_SECOND("items/s", "", Dimension.NONE, 1),
    /** Streaming throughput, 10^6 bytes per second. */
    MEGABYTES_PER_SECOND("MB/s", "", Dimension.NONE, 1),
    /** Echo round trips per second. */
    ROUND_TRIPS_PER_SECOND("round trips/s", "", Dimension.NONE, 1);

    /** What a unit measures; only units of the same dimension convert. */
    public enum Dimension { TIME, SIZE, NONE }

    private final String word;
    private final String symbol;
    private final Dimension dimension;
    private final double baseFactor;

    Unit(String word, String symbol, Dimension dimension, double baseFactor) {
        this.word = word;
        this.symbol = symbol;
        this.dimension = dimension;
        this.baseFactor = baseFactor;
    }

    /** Other spellings read as a unit: older words and the usual short forms. */
    private static final java.util.Map<String, Unit> ALIASES = java.util.Map.of(
            "us", MICROSECONDS, "b", BYTES, "byte", BYTES, "kb", KIBIBYTES, "mb", MEBIBYTES, "gb", GIBIBYTES, "", COUNT);

    /**
     * The unit of a unit word ("ns", "bytes", "kB", "MB/s", ...), as samples lines, child JVMs and
     * saved files give it; case does not matter. A word it does not know is refused with one line
     * that lists the known ones, never read as a plain count, so a new unit cannot be shown
     * unscaled without anyone noticing.
     */
    public static Unit ofWord(String word) {
        String w = word.toLowerCase(java.util.Locale.ROOT);
        for (Unit u : values()) {
            if (u.word.toLowerCase(java.util.Locale.ROOT).equals(w)) {
                return u;
            }
        }
        Unit alias = ALIASES.get(w);
        if (alias == null) {
            throw new UnknownUnitException("unknown unit '" + word + "': accepted "
                    + String.join(", ", java.util.Arrays.stream(values()).map(Unit::word).toList()) + " (or us, kB, MB, GB)");
        }
        return alias;
    }

    /** A unit word that no {@link Unit} goes by. */
    public static final class UnknownUnitException extends IllegalArgumentException {
        UnknownUnitException(String message) {
            super(message);
        }
    }

    /** The word samples and saved files carry ("ns", "bytes", "MB/s"); {@link #ofWord} reads it back. */
    public String word() {
        return word;
    }

    /** The unit's word, as samples print it ("ns", "bytes"). */
    @Override
    public String toString() {
        return word;
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
