package org.forklab.widgets;

import java.util.List;

/** Widgets side by side (HBox) or one under the other (VBox). */
public final class Box extends DomWidget {
    private Box(String model, String view, List<? extends Widget> children) {
        super(model, view, null);
        put("box_style", "");
        putReference("children", List.copyOf(children));
    }

    public static Box hbox(Widget... children) {
        return new Box("HBoxModel", "HBoxView", List.of(children));
    }

    public static Box vbox(Widget... children) {
        return new Box("VBoxModel", "VBoxView", List.of(children));
    }

    public static Box vbox(List<? extends Widget> children) {
        return new Box("VBoxModel", "VBoxView", children);
    }

    public Box children(List<? extends Widget> children) {
        putReference("children", List.copyOf(children));
        return this;
    }
}
