package org.forklab.experiments.scale;

import org.forklab.stats.Regression;
import org.forklab.stats.Unit;

/**
 * One quantity against count for one kind of entity, ready for a regression or a plot.
 *
 * @param kind     the entity's word, e.g. "platform-threads"
 * @param quantity what y is, e.g. "RSS" or "creation time"
 * @param unit     y's unit, e.g. bytes or ns
 * @param x        entity counts
 * @param y        the quantity at each count
 */
public record Series(String kind, String quantity, Unit unit, double[] x, double[] y) {
    public Series {
        x = x.clone();
        y = y.clone();
        if (x.length != y.length) {
            throw new IllegalArgumentException("x and y differ in length");
        }
    }

    @Override
    public double[] x() {
        return x.clone();
    }

    @Override
    public double[] y() {
        return y.clone();
    }

    /** The per-entity slope with its interval; refused (IllegalArgumentException) below two distinct counts. */
    public Regression fit() {
        return Regression.of(x, y);
    }
}
