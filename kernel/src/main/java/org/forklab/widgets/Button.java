package org.forklab.widgets;

import com.google.gson.JsonElement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A button; the front end reports a click as the custom message {"event": "click"}. */
public final class Button extends DomWidget {
    private final List<Runnable> clickListeners = new CopyOnWriteArrayList<>();

    public Button(String description) {
        super("ButtonModel", "ButtonView", "ButtonStyleModel");
        put("description", description);
        put("button_style", "");
        put("icon", "");
        put("disabled", false);
        onCustom((content, buffers) -> {
            if (isClick(content)) {
                clickListeners.forEach(Runnable::run);
            } else {
                WidgetLog.refused("custom message " + WidgetLog.clip(content) + " for " + describe()
                        + "; accepted is {\"event\": \"click\"}");
            }
        });
    }

    private static boolean isClick(JsonElement content) {
        return content.isJsonObject() && content.getAsJsonObject().has("event")
                && "click".equals(content.getAsJsonObject().get("event").getAsString());
    }

    public Button onClick(Runnable listener) {
        clickListeners.add(listener);
        return this;
    }

    /** "primary", "success", "info", "warning", "danger" or "". */
    public Button buttonStyle(String style) {
        set("button_style", style);
        return this;
    }

    /** Runs the click listeners as a click on the page would. */
    public void click() {
        clickListeners.forEach(Runnable::run);
    }
}
