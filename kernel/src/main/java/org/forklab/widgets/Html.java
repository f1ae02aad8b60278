package org.forklab.widgets;

/** HTML on the page (the HTML widget of ipywidgets). */
public final class Html extends DomWidget {
    public Html(String value) {
        super("HTMLModel", "HTMLView", "HTMLStyleModel");
        put("value", value);
        put("placeholder", "");
    }

    public String value() {
        return get("value").getAsString();
    }

    public Html value(String value) {
        set("value", value);
        return this;
    }
}
