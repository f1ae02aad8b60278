package org.forklab.widgets;

/** A yes/no switch. */
public final class Checkbox extends DomWidget {
    public Checkbox(String description, boolean value) {
        super("CheckboxModel", "CheckboxView", "CheckboxStyleModel");
        put("description", description);
        put("value", value);
        put("indent", true);
        put("disabled", false);
        writable("value");
    }

    public boolean value() {
        return get("value").getAsBoolean();
    }

    public Checkbox value(boolean value) {
        set("value", value);
        return this;
    }
}
