package org.forklab.charts;

import org.forklab.stats.Unit;

/**
 * What an axis shows: a name ("thread creation time"), the unit the data are given in, and for
 * plain numbers the word that is their unit ("workers", "round trips/s"). Charts rescale the
 * data to the unit that reads best and put it in the axis label. A quantity that counts whole
 * things ({@link #whole()}) gets integer ticks: there is no 0.2 of a worker.
 */
public record Quantity(String name, Unit unit, String countUnit, boolean whole) {

    public Quantity {
        if (name == null || name.isBlank() || unit == null || countUnit == null) {
            throw new IllegalArgumentException("a quantity needs a name and a unit");
        }
    }

    public Quantity(String name, Unit unit) {
        this(name, unit, "", false);
    }

    public static Quantity time(String name) {
        return new Quantity(name, Unit.NANOSECONDS);
    }

    public static Quantity bytes(String name) {
        return new Quantity(name, Unit.BYTES);
    }

    /** Whole things counted, e.g. count("healthy survivors", "workers"): integer ticks. */
    public static Quantity count(String name, String countUnit) {
        return new Quantity(name, Unit.COUNT, countUnit, true);
    }

    /** A count without a unit word of its own; the name says what is counted. */
    public static Quantity count(String name) {
        return count(name, "");
    }

    /**
     * A plain number that is not a whole count, e.g. rate("echo throughput", ROUND_TRIPS_PER_SECOND):
     * not rescaled, its unit's word on the axis.
     */
    public static Quantity rate(String name, Unit unit) {
        if (unit.dimension() != Unit.Dimension.NONE) {
            throw new IllegalArgumentException(unit.word() + " is rescaled, not a rate word; use new Quantity(name, unit)");
        }
        return new Quantity(name, unit, unit.word(), false);
    }

    /** The unit to show values around {@code typical} (given in {@link #unit()}) in. */
    public Unit displayUnitFor(double typical) {
        return unit.readableFor(typical);
    }

    /** "thread creation time (µs)", "healthy survivors (workers)", or the bare name. */
    public String label(Unit shown) {
        String symbol = shown.symbol().isEmpty() ? countUnit : shown.symbol();
        return symbol.isEmpty() ? name : name + " (" + symbol + ")";
    }
}
