package org.forklab.widgets;

import com.google.gson.JsonElement;

/** One property of one widget changed, from the front end or from Java. */
public record Change(Widget widget, String name, JsonElement oldValue, JsonElement newValue) {

    public int newInt() {
        return newValue.getAsInt();
    }

    public double newDouble() {
        return newValue.getAsDouble();
    }

    public String newString() {
        return newValue.getAsString();
    }

    public boolean newBoolean() {
        return newValue.getAsBoolean();
    }
}
