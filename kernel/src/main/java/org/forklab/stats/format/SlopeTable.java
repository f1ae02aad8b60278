package org.forklab.stats.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.forklab.stats.Regression;
import org.forklab.stats.Unit;

/**
 * Slopes per entity as table rows, each with its interval and r², and a reading column that says
 * when the fit is too poor to tell (see {@link Regression#tooPoorToTell}). A quantity that cannot
 * be negative (a time) never shows a negative figure: such a value reads "&lt; 0" and the reading
 * says that it is noise of the fit, not a time.
 */
public final class SlopeTable {
    private final List<List<String>> rows = new ArrayList<>();

    /** Adds the fit of {@code y} against {@code x}; fewer than two points or one distinct x add nothing. */
    public SlopeTable add(String kind, String quantity, double[] x, double[] y, Unit unit, boolean nonNegative) {
        Regression r;
        try {
            r = Regression.of(x, y);
        } catch (IllegalArgumentException e) {
            return this;
        }
        Optional<String> poor = r.tooPoorToTell();
        String reading = poor.orElse("fits");
        if (nonNegative && (r.slope() < 0 || r.intercept() < 0) && poor.isEmpty()) {
            reading = "a negative part is noise of the fit, not a time; add counts";
        }
        String interval = r.slopeInterval().isDefined()
                ? shown(r.slopeInterval().low(), unit, nonNegative) + " … " + shown(r.slopeInterval().high(), unit, nonNegative)
                : "n/a";
        rows.add(List.of(kind, quantity, shown(r.slope(), unit, nonNegative), interval,
                shown(r.intercept(), unit, nonNegative), String.format(Locale.ROOT, "%.3f", r.rSquared()),
                Integer.toString(r.n()), reading));
        return this;
    }

    public List<List<String>> rows() {
        return List.copyOf(rows);
    }

    public Table table(String title) {
        return new Table(title, List.of(Column.text("kind"), Column.text("quantity"), Column.number("per entity"),
                Column.number("95 % CI"), Column.number("fixed part"), Column.number("r²"), Column.number("counts"),
                Column.text("reading")), rows);
    }

    /** The value, or "&lt; 0" for a quantity that cannot be negative. */
    static String shown(double value, Unit unit, boolean nonNegative) {
        return nonNegative && value < 0 ? "< 0" : Units.format(value, unit);
    }
}
