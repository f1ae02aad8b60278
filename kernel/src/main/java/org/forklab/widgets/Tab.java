package org.forklab.widgets;

import com.google.gson.JsonElement;
import java.util.List;

/** Pages with titles; the front end reports which is selected. */
public final class Tab extends DomWidget {
    private final int pages;

    public Tab(List<? extends Widget> children, List<String> titles) {
        super("TabModel", "TabView", null);
        if (children.size() != titles.size()) {
            throw new IllegalArgumentException("a Tab needs one title per page");
        }
        pages = children.size();
        put("box_style", "");
        put("titles", titles);
        put("selected_index", children.isEmpty() ? null : 0);
        putReference("children", List.copyOf(children));
        writable("selected_index");
    }

    public int selectedIndex() {
        return get("selected_index").getAsInt();
    }

    @Override
    protected void check(String key, JsonElement value) {
        if (key.equals("selected_index") && !value.isJsonNull()) {
            Indices.check(value, pages);
        }
    }
}
