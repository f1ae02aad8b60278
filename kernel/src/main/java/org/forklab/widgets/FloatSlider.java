package org.forklab.widgets;

import com.google.gson.JsonElement;

/** A real number between two bounds, on a linear scale. */
public final class FloatSlider extends Slider<FloatSlider> {
    public FloatSlider(double min, double max, double step, double value) {
        super("FloatSliderModel", "FloatSliderView");
        if (!(min <= value && value <= max) || !(step > 0)) {
            throw new IllegalArgumentException("FloatSlider needs min <= value <= max and step > 0");
        }
        put("min", min);
        put("max", max);
        put("step", step);
        put("value", value);
        put("readout_format", ".2f");
    }

    public double value() {
        return get("value").getAsDouble();
    }

    public FloatSlider value(double value) {
        set("value", value);
        return this;
    }

    @Override
    protected double lowest() {
        return get("min").getAsDouble();
    }

    @Override
    protected double highest() {
        return get("max").getAsDouble();
    }

    @Override
    protected void check(String key, JsonElement value) {
        if (key.equals("value")) {
            checkNumber(value);
        }
    }
}
