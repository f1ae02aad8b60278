package org.forklab.widgets;

/** CSS layout of one widget (width, height, margin, display, …), as ipywidgets' Layout. */
public final class Layout extends Widget {
    public Layout() {
        super(Protocol.BASE, Protocol.BASE_VERSION, "LayoutModel", Protocol.BASE, Protocol.BASE_VERSION, "LayoutView");
        for (String key : new String[] {"width", "height", "margin", "padding", "display", "flex", "flex_flow",
                "align_items", "justify_content", "border", "min_width", "max_width", "visibility", "grid_area"}) {
            put(key, null);
        }
    }

    /** Sets one CSS property, e.g. {@code layout.css("width", "400px")}. */
    public Layout css(String property, String value) {
        set(property, value);
        return this;
    }
}
