package org.forklab.widgets;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import java.util.List;

/** A pair lower..upper between two bounds: IntRangeSlider or FloatRangeSlider on the page. */
public final class RangeSlider extends Slider<RangeSlider> {
    private final boolean whole;

    private RangeSlider(boolean whole, double min, double max, double step, double lower, double upper) {
        super(whole ? "IntRangeSliderModel" : "FloatRangeSliderModel", whole ? "IntRangeSliderView" : "FloatRangeSliderView");
        this.whole = whole;
        if (!(min <= lower && lower <= upper && upper <= max)) {
            throw new IllegalArgumentException("a range slider needs min <= lower <= upper <= max");
        }
        put("min", whole ? (Object) (long) min : min);
        put("max", whole ? (Object) (long) max : max);
        put("step", whole ? (Object) (long) step : step);
        put("value", whole ? List.of((long) lower, (long) upper) : List.of(lower, upper));
        put("readout_format", whole ? "d" : ".2f");
    }

    public static RangeSlider ofInts(int min, int max, int lower, int upper) {
        return new RangeSlider(true, min, max, 1, lower, upper);
    }

    public static RangeSlider ofDoubles(double min, double max, double step, double lower, double upper) {
        return new RangeSlider(false, min, max, step, lower, upper);
    }

    public double lower() {
        return get("value").getAsJsonArray().get(0).getAsDouble();
    }

    public double upper() {
        return get("value").getAsJsonArray().get(1).getAsDouble();
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
        return whole;
    }

    @Override
    protected void check(String key, JsonElement value) {
        if (!key.equals("value")) {
            return;
        }
        JsonArray pair = value.getAsJsonArray();
        if (pair.size() != 2) {
            throw new RefusedValueException("expected [lower, upper]");
        }
        checkNumber(pair.get(0));
        checkNumber(pair.get(1));
        if (pair.get(0).getAsDouble() > pair.get(1).getAsDouble()) {
            throw new RefusedValueException("lower above upper");
        }
    }
}
