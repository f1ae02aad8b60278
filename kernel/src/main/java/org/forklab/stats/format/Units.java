package org.forklab.stats.format;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;
import java.math.RoundingMode;
import org.forklab.stats.Unit;

/**
 * Numbers with human units, three significant digits (decimal half-up rounding of the shortest decimal form, so 5.975 µs reads "5.98 µs"): 1234 ns → "1.23 µs", 1536 B →
 * "1.50 KiB". The unit is chosen after rounding, so 999.7 ns reads "1.00 µs", not "1000 ns".
 * Values too large for the biggest unit keep their integer digits ("1500 s"). NaN reads "n/a".
 */
public final class Units {

    private static final int SIGNIFICANT = 3;
    /** Bounds further apart than this factor are each written in their own unit. */
    private static final double WIDE_RANGE = 100;

    private Units() {
    }

    /** A duration given in nanoseconds. */
    public static String duration(double nanoseconds) {
        return format(nanoseconds, Unit.NANOSECONDS);
    }

    /** A size given in bytes, in binary units (KiB = 1024 B). */
    public static String bytes(double bytes) {
        return format(bytes, Unit.BYTES);
    }

    /** {@code value} given in {@code unit}, rescaled to the unit of its dimension that reads best. */
    public static String format(double value, Unit unit) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        if (Double.isInfinite(value)) {
            return (value > 0 ? "∞" : "-∞") + suffix(unit);
        }
        Unit target = unit.readableFor(value);
        double rounded = round(unit.convert(value, target));
        Unit afterRounding = target.readableFor(rounded); // 999.7 ns rounds to 1000 ns → µs
        if (afterRounding != target) {
            rounded = round(target.convert(rounded, afterRounding));
            target = afterRounding;
        }
        return plain(rounded) + suffix(target);
    }

    /** {@code value} in exactly {@code unit} (no rescaling), three significant digits. */
    public static String inUnit(double value, Unit unit) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        return plain(round(value)) + suffix(unit);
    }

    /**
     * Two bounds in one unit, chosen for the larger magnitude: "0.998–1.02 µs"; bounds more
     * than 100 times apart each in their own: "1.00 ns – 1.00 µs". NaN bounds read "n/a".
     */
    public static String range(double low, double high, Unit unit) {
        if (Double.isNaN(low) || Double.isNaN(high)) {
            return "n/a";
        }
        if (low > 0 && high / low > WIDE_RANGE) {
            // A claim such as "1 ns to 1 µs" in one unit would read "0.00100–1.00 µs": each end in its own.
            return format(low, unit) + " – " + format(high, unit);
        }
        Unit target = unit.readableFor(round(Math.max(Math.abs(low), Math.abs(high))));
        return plain(round(unit.convert(low, target))) + "–" + plain(round(unit.convert(high, target)))
                + suffix(target);
    }

    /** "7.31 ± 1.20 µs": a centre and a spread in the unit that suits the centre. */
    public static String plusMinus(double centre, double spread, Unit unit) {
        if (Double.isNaN(centre)) {
            return "n/a";
        }
        Unit target = unit.readableFor(round(centre));
        String spreadText = Double.isNaN(spread) ? "n/a" : plain(round(unit.convert(spread, target)));
        return plain(round(unit.convert(centre, target))) + " ± " + spreadText + suffix(target);
    }

    /** A confidence level as a percentage without trailing zeros: 0.95 → "95", 0.999 → "99.9". */
    public static String level(double confidence) {
        return new BigDecimal(Double.toString(confidence * 100)).round(new MathContext(6))
                .stripTrailingZeros().toPlainString();
    }

    /**
     * A number with every digit it has, for files and messages that must give it back exactly:
     * a whole number without a decimal point ("1000000", not "1.0E6"), any other as Java prints it.
     */
    public static String exact(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : String.format(Locale.ROOT, "%s", value);
    }

    /** A bare number with three significant digits and no unit ("0.0123", "1.85", "1230"). */
    public static String number(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "∞" : "-∞";
        }
        return plain(round(value));
    }

    private static String suffix(Unit unit) {
        return unit.symbol().isEmpty() ? "" : " " + unit.symbol();
    }

    private static double round(double value) {
        if (value == 0 || !Double.isFinite(value)) {
            return value;
        }
        return BigDecimal.valueOf(value).round(new MathContext(SIGNIFICANT, RoundingMode.HALF_UP)).doubleValue();
    }

    private static String plain(double rounded) {
        if (rounded == 0) {
            return "0";
        }
        BigDecimal decimal = BigDecimal.valueOf(rounded).round(new MathContext(SIGNIFICANT, RoundingMode.HALF_UP));
        if (decimal.precision() - decimal.scale() > SIGNIFICANT) {
            decimal = decimal.setScale(0, RoundingMode.HALF_UP); // keep integer digits, never 1.5E+3
        } else if (decimal.scale() < 0) {
            decimal = decimal.setScale(0, RoundingMode.UNNECESSARY);
        } else {
            // pad to three significant digits: 1.5 → 1.50, 0.12 → 0.120
            int wanted = SIGNIFICANT - (decimal.precision() - decimal.scale());
            decimal = decimal.setScale(Math.max(wanted, decimal.scale()), RoundingMode.HALF_UP);
        }
        return decimal.toPlainString();
    }
}
