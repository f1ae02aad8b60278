package org.forklab.widgets;

import com.google.gson.JsonElement;

/** A whole number between two bounds. */
public final class IntSlider extends Slider<IntSlider> {
    public IntSlider(int min, int max, int value) {
        super("IntSliderModel", "IntSliderView");
        if (min > max || value < min || value > max) {
            throw new IllegalArgumentException("IntSlider needs min <= value <= max, got " + min + ", " + value + ", " + max);
        }
        put("min", min);
        put("max", max);
        put("step", 1);
        put("value", value);
        put("readout_format", "d");
    }

    public int value() {
        return get("value").getAsInt();
    }

    public IntSlider value(int value) {
        set("value", value);
        return this;
    }

    public IntSlider step(int step) {
        set("step", step);
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
    protected boolean integral() {
        return true;
    }

    @Override
    protected void check(String key, JsonElement value) {
        if (key.equals("value")) {
            checkNumber(value);
        }
    }
}
