package org.forklab.widgets;

import com.google.gson.JsonElement;
import java.util.Locale;

/**
 * What the sliders share: bounds the front end cannot move, a value it may, and by default no
 * update while the handle is dragged (continuous_update false), so a listener runs once, on
 * release, as an experiment should.
 */
public abstract class Slider<S extends Slider<S>> extends DomWidget {
    protected Slider(String modelName, String viewName) {
        super(modelName, viewName, "SliderStyleModel");
        put("orientation", "horizontal");
        put("readout", true);
        put("continuous_update", false);
        put("disabled", false);
        put("behavior", "drag-tap");
        writable("value");
    }

    @SuppressWarnings("unchecked")
    public S description(String text) {
        set("description", text);
        return (S) this;
    }

    /** Sends a change on every pixel of a drag (true) or only on release (false, the default). */
    @SuppressWarnings("unchecked")
    public S continuousUpdate(boolean continuous) {
        set("continuous_update", continuous);
        return (S) this;
    }

    /** The bounds the front end's value is checked against, in the units of "value". */
    protected abstract double lowest();

    protected abstract double highest();

    protected boolean integral() {
        return false;
    }

    /** Throws unless {@code v} is a number within the bounds (and whole, for integer sliders). */
    protected final void checkNumber(JsonElement v) {
        if (!v.isJsonPrimitive() || !v.getAsJsonPrimitive().isNumber()) {
            throw new RefusedValueException("expected a number");
        }
        double d = v.getAsDouble();
        if (integral() && d != Math.rint(d)) {
            throw new RefusedValueException("expected a whole number, got " + v);
        }
        double slack = (highest() - lowest()) * 1e-9;
        if (!(d >= lowest() - slack && d <= highest() + slack)) {
            throw new RefusedValueException("out of range: accepted " + format(lowest()) + " to " + format(highest()));
        }
    }

    static String format(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : String.format(Locale.ROOT, "%.6g", d);
    }
}
