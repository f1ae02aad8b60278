package org.forklab.widgets;

import com.google.gson.JsonElement;

/**
 * A positive number on a logarithmic scale: the handle moves over exponents of {@code base}
 * (min and max are exponents, as in ipywidgets), the value is {@code base^exponent}. For sizes
 * and durations, where 8 bytes and 1 MB belong on one slider.
 */
public final class FloatLogSlider extends Slider<FloatLogSlider> {
    public FloatLogSlider(double base, double minExponent, double maxExponent, double step, double value) {
        super("FloatLogSliderModel", "FloatLogSliderView");
        if (!(base > 1) || !(minExponent <= maxExponent) || !(step > 0)) {
            throw new IllegalArgumentException("FloatLogSlider needs base > 1, min <= max, step > 0");
        }
        put("base", base);
        put("min", minExponent);
        put("max", maxExponent);
        put("step", step);
        put("value", value);
        put("readout_format", ".3g");
        if (!(value >= lowest() * (1 - 1e-9) && value <= highest() * (1 + 1e-9))) {
            throw new IllegalArgumentException("FloatLogSlider value " + value + " is outside " + lowest() + ".." + highest());
        }
    }

    /** A slider from {@code lowest} to {@code highest} (values, not exponents) in {@code stepsPerPower} steps per power of the base. */
    public static FloatLogSlider between(double base, double lowest, double highest, int stepsPerPower, double value) {
        double min = Math.log(lowest) / Math.log(base);
        double max = Math.log(highest) / Math.log(base);
        return new FloatLogSlider(base, min, max, 1.0 / stepsPerPower, value);
    }

    public double value() {
        return get("value").getAsDouble();
    }

    public FloatLogSlider value(double value) {
        set("value", value);
        return this;
    }

    @Override
    protected double lowest() {
        return Math.pow(get("base").getAsDouble(), get("min").getAsDouble());
    }

    @Override
    protected double highest() {
        return Math.pow(get("base").getAsDouble(), get("max").getAsDouble());
    }

    @Override
    protected void check(String key, JsonElement value) {
        if (key.equals("value")) {
            checkNumber(value);
        }
    }
}
