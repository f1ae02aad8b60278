package org.forklab.widgets;

import com.google.gson.JsonElement;
import java.util.List;

/**
 * One of a list of labels (Dropdown, ToggleButtons on the page): the front end sends the index,
 * checked against the list.
 */
public final class Choice extends DomWidget {
    private final List<String> labels;

    private Choice(String model, String view, String style, List<String> labels, String selected) {
        super(model, view, style);
        if (labels.isEmpty() || !labels.contains(selected)) {
            throw new IllegalArgumentException("a choice needs its selected label among " + labels);
        }
        this.labels = List.copyOf(labels);
        put("_options_labels", this.labels);
        put("index", this.labels.indexOf(selected));
        put("disabled", false);
        writable("index");
    }

    public static Choice dropdown(List<String> labels, String selected) {
        return new Choice("DropdownModel", "DropdownView", "DescriptionStyleModel", labels, selected);
    }

    public static Choice toggleButtons(List<String> labels, String selected) {
        Choice c = new Choice("ToggleButtonsModel", "ToggleButtonsView", "ToggleButtonsStyleModel", labels, selected);
        c.put("tooltips", List.of());
        c.put("icons", List.of());
        c.put("button_style", "");
        return c;
    }

    public Choice description(String text) {
        return described(text);
    }

    public List<String> labels() {
        return labels;
    }

    public String selected() {
        return labels.get(get("index").getAsInt());
    }

    public Choice select(String label) {
        int index = labels.indexOf(label);
        if (index < 0) {
            throw new RefusedValueException("'" + label + "' is not one of " + labels);
        }
        set("index", index);
        return this;
    }

    @Override
    protected void check(String key, JsonElement value) {
        if (key.equals("index")) {
            Indices.check(value, labels.size());
        }
    }
}
