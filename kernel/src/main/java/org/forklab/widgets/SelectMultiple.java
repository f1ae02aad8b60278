package org.forklab.widgets;

import com.google.gson.JsonElement;
import java.util.ArrayList;
import java.util.List;

/** Any subset of a list of labels; the front end sends the selected indices. */
public final class SelectMultiple extends DomWidget {
    private final List<String> labels;

    public SelectMultiple(List<String> labels, List<String> selected) {
        super("SelectMultipleModel", "SelectMultipleView", "DescriptionStyleModel");
        this.labels = List.copyOf(labels);
        List<Integer> indices = new ArrayList<>();
        for (String s : selected) {
            if (!labels.contains(s)) {
                throw new IllegalArgumentException("'" + s + "' is not one of " + labels);
            }
            indices.add(labels.indexOf(s));
        }
        put("_options_labels", this.labels);
        put("index", indices);
        put("rows", Math.min(labels.size(), 6));
        put("disabled", false);
        writable("index");
    }

    public SelectMultiple description(String text) {
        return described(text);
    }

    public List<String> labels() {
        return labels;
    }

    public List<String> selected() {
        List<String> chosen = new ArrayList<>();
        get("index").getAsJsonArray().forEach(i -> chosen.add(labels.get(i.getAsInt())));
        return chosen;
    }

    public SelectMultiple select(List<String> chosen) {
        List<Integer> indices = new ArrayList<>();
        for (String s : chosen) {
            if (!labels.contains(s)) {
                throw new RefusedValueException("'" + s + "' is not one of " + labels);
            }
            indices.add(labels.indexOf(s));
        }
        set("index", indices);
        return this;
    }

    @Override
    protected void check(String key, JsonElement value) {
        if (key.equals("index")) {
            if (!value.isJsonArray()) {
                throw new RefusedValueException("expected a list of indices");
            }
            Indices.check(value, labels.size());
        }
    }
}
