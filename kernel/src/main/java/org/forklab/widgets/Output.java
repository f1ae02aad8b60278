package org.forklab.widgets;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;

/**
 * An output area inside a widget layout. Its "outputs" are set from the kernel (display data,
 * text), so it works from any thread, also after the cell that showed it has ended.
 */
public final class Output extends DomWidget {
    public Output() {
        super(Protocol.OUTPUT, Protocol.OUTPUT_VERSION, "OutputModel", Protocol.OUTPUT, Protocol.OUTPUT_VERSION,
                "OutputView", null);
        put("msg_id", "");
        put("outputs", new JsonArray());
        writable("outputs");
    }

    /** Replaces what the area shows with {@code value}, rendered as the kernel renders a cell's value. */
    public void show(Object value) {
        JsonArray outputs = new JsonArray();
        outputs.add(displayOutput(Widgets.render(value)));
        set("outputs", outputs);
    }

    /** Replaces what the area shows with a line of text (stdout or stderr). */
    public void showText(String text, boolean error) {
        JsonObject stream = new JsonObject();
        stream.addProperty("output_type", "stream");
        stream.addProperty("name", error ? "stderr" : "stdout");
        stream.addProperty("text", text.endsWith("\n") ? text : text + "\n");
        JsonArray outputs = new JsonArray();
        outputs.add(stream);
        set("outputs", outputs);
    }

    public void clear() {
        set("outputs", new JsonArray());
    }

    static JsonObject displayOutput(DisplayData data) {
        JsonObject tree = GSON.toJsonTree(data).getAsJsonObject();
        JsonObject out = new JsonObject();
        out.addProperty("output_type", "display_data");
        out.add("data", tree.has("data") ? tree.get("data") : new JsonObject());
        out.add("metadata", tree.has("metadata") && !tree.get("metadata").isJsonNull() ? tree.get("metadata") : new JsonObject());
        return out;
    }
}
