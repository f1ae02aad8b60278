package org.forklab.widgets;

/** The style model of one widget (description width, colours), named after its widget kind. */
public final class Style extends Widget {
    public Style(String modelName) {
        super(Protocol.CONTROLS, Protocol.CONTROLS_VERSION, modelName, Protocol.BASE, Protocol.BASE_VERSION,
                "StyleView");
        put("description_width", "");
    }

    /** Sets one style property, e.g. {@code style.with("description_width", "initial")}. */
    public Style with(String property, Object value) {
        if (get(property).isJsonNull()) {
            put(property, value);
        } else {
            set(property, value);
        }
        return this;
    }
}
