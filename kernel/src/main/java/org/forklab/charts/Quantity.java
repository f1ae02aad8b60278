package org.forklab.charts;

import org.forklab.stats.Unit;

/**
 * What an axis shows: a name ("thread creation time") and the unit the data are given in.
 * Charts rescale the data to the unit that reads best and put it in the axis label.
 */
public record Quantity(String name, Unit unit) {

    public Quantity {
        if (name == null || name.isBlank() || unit == null) {
            throw new IllegalArgumentException("a quantity needs a name and a unit");
        }
    }

    public static Quantity time(String name) {
        return new Quantity(name, Unit.NANOSECONDS);
    }

    public static Quantity bytes(String name) {
        return new Quantity(name, Unit.BYTES);
    }

    public static Quantity count(String name) {
        return new Quantity(name, Unit.COUNT);
    }

    /** The unit to show values around {@code typical} (given in {@link #unit()}) in. */
    public Unit displayUnitFor(double typical) {
        return unit.readableFor(typical);
    }

    /** "thread creation time (µs)", or just the name for a unitless count. */
    public String label(Unit shown) {
        return shown.symbol().isEmpty() ? name : name + " (" + shown.symbol() + ")";
    }
}
