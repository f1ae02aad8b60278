package org.forklab.widgets;

/** One line of text the user types. */
public final class Text extends DomWidget {
    public Text(String description, String value) {
        super("TextModel", "TextView", "TextStyleModel");
        put("description", description);
        put("value", value);
        put("placeholder", "");
        put("continuous_update", false);
        put("disabled", false);
        writable("value");
    }

    public String value() {
        return get("value").getAsString();
    }

    public Text value(String value) {
        set("value", value);
        return this;
    }
}
