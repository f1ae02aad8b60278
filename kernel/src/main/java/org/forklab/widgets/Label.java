package org.forklab.widgets;

/** Plain text on the page. */
public final class Label extends DomWidget {
    public Label(String value) {
        super("LabelModel", "LabelView", "LabelStyleModel");
        put("value", value);
        put("placeholder", "");
    }

    public String value() {
        return get("value").getAsString();
    }

    public Label value(String value) {
        set("value", value);
        return this;
    }
}
