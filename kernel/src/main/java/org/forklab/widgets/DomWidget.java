package org.forklab.widgets;

/**
 * A widget with a view on the page: its own {@link Layout} and, when the kind has one, its own
 * {@link Style}, as ipywidgets gives every control; plus a description and a tooltip.
 */
public abstract class DomWidget extends Widget {
    private final Layout layout = new Layout();
    private final Style style;

    protected DomWidget(String modelName, String viewName, String styleModel) {
        this(Protocol.CONTROLS, Protocol.CONTROLS_VERSION, modelName, Protocol.CONTROLS, Protocol.CONTROLS_VERSION,
                viewName, styleModel);
    }

    protected DomWidget(String modelModule, String modelVersion, String modelName, String viewModule,
                        String viewVersion, String viewName, String styleModel) {
        super(modelModule, modelVersion, modelName, viewModule, viewVersion, viewName);
        put("_dom_classes", java.util.List.of());
        put("tabbable", null);
        put("tooltip", null);
        put("description", "");
        put("description_allow_html", false);
        putReference("layout", layout);
        style = styleModel == null ? null : new Style(styleModel);
        if (style != null) {
            putReference("style", style);
        }
    }

    public Layout layout() {
        return layout;
    }

    /** The style, or an IllegalStateException for kinds without one (boxes, output). */
    public Style style() {
        if (style == null) {
            throw new IllegalStateException(getClass().getSimpleName() + " has no style; use its layout");
        }
        return style;
    }

    public String description() {
        return get("description").getAsString();
    }

    @SuppressWarnings("unchecked")
    protected final <W extends DomWidget> W described(String text) {
        set("description", text);
        return (W) this;
    }

    @Override
    protected String staticText() {
        String d = description();
        return getClass().getSimpleName() + (d.isEmpty() ? "" : " '" + d + "'")
                + ": the controls need a live kernel (run the cell)";
    }
}
