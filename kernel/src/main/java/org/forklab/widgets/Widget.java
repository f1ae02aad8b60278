package org.forklab.widgets;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.messages.MessageContext;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * One widget model: its state, kept in step with the front end over one comm (protocol 2.1.0,
 * ipywidgets' messages.md). The comm opens when the widget is first shown or first referred to
 * by a shown widget, with the full state; after that every change in Java is sent as an
 * {@code update}, and every change from the front end is checked, applied, confirmed with an
 * {@code echo_update} and passed to the observers. A change the widget does not accept leaves
 * one log line and is answered with the value it keeps, so the front end shows it again.
 */
public abstract class Widget {
    static final Gson GSON = new Gson();

    private final JsonObject state = new JsonObject();
    /** Properties that hold other widgets: a Widget or a List of them, sent as IPY_MODEL_ ids. */
    private final Map<String, Object> references = new LinkedHashMap<>();
    /** Properties whose value is bytes: sent as buffers, with their paths. */
    private final Map<String, byte[]> binary = new LinkedHashMap<>();
    /** What the front end may change; anything else it sends is refused. */
    private final Set<String> writable = new LinkedHashSet<>();
    private final Map<String, List<Consumer<Change>>> observers = new LinkedHashMap<>();
    private final List<BiConsumer<JsonElement, List<byte[]>>> customHandlers = new CopyOnWriteArrayList<>();
    private String id;
    private Transport transport;
    private boolean closed;

    protected Widget(String modelModule, String modelVersion, String modelName,
                     String viewModule, String viewVersion, String viewName) {
        state.addProperty("_model_module", modelModule);
        state.addProperty("_model_module_version", modelVersion);
        state.addProperty("_model_name", modelName);
        state.addProperty("_view_module", viewModule);
        state.addProperty("_view_module_version", viewVersion);
        state.add("_view_name", viewName == null ? JsonNull.INSTANCE : new JsonPrimitive(viewName));
    }

    /** A widget of the core controls (model and view both in @jupyter-widgets/controls). */
    protected Widget(String modelName, String viewName) {
        this(Protocol.CONTROLS, Protocol.CONTROLS_VERSION, modelName, Protocol.CONTROLS, Protocol.CONTROLS_VERSION,
                viewName);
    }

    // ---- state as the subclasses declare it ---------------------------------------------------

    /** Sets a property before or after the comm opens, without checks: for the widget's own code. */
    protected final void put(String key, Object value) {
        apply(key, GSON.toJsonTree(value), true);
    }

    /** Sets a property that refers to another widget (layout, style, a box's child). */
    protected final void putReference(String key, Object widgetOrList) {
        List<Change> changes;
        synchronized (this) {
            references.put(key, widgetOrList);
            if (transport == null) {
                return;
            }
            openReferences();
            JsonElement old = state.get(key);
            JsonElement now = referenceJson(widgetOrList);
            state.add(key, now);
            sendUpdate(single(key, now), List.of(), null, "update");
            changes = List.of(new Change(this, key, old, now));
        }
        notifyObservers(changes);
    }

    /** Sets a property whose value is bytes (sent as a binary buffer). */
    protected final void putBinary(String key, byte[] bytes) {
        synchronized (this) {
            binary.put(key, bytes.clone());
            if (transport != null) {
                JsonArray paths = new JsonArray();
                paths.add(path(key));
                sendUpdate(new JsonObject(), List.of(bytes.clone()), null, "update", paths);
            }
        }
        notifyObservers(List.of(new Change(this, key, null, null)));
    }

    protected final synchronized byte[] binary(String key) {
        byte[] bytes = binary.get(key);
        return bytes == null ? new byte[0] : bytes.clone();
    }

    /** The front end may change these properties (the rest it may only show). */
    protected final void writable(String... keys) {
        writable.addAll(List.of(keys));
    }

    /**
     * Whether {@code value} is acceptable for {@code key}, beyond its JSON type (which is checked
     * before): ranges, indices. Throws {@link RefusedValueException} with what is accepted.
     */
    protected void check(String key, JsonElement value) {
    }

    // ---- the public API ------------------------------------------------------------------------

    /** The comm id (model id); null until the widget is first shown. */
    public final synchronized String id() {
        return id;
    }

    public final synchronized JsonElement get(String key) {
        JsonElement value = state.get(key);
        return value == null ? JsonNull.INSTANCE : value.deepCopy();
    }

    /**
     * Sets property {@code key} from Java: checked as a front-end value would be (a wrong value
     * throws {@link RefusedValueException}), sent to the front end, passed to the observers.
     */
    public Widget set(String key, Object value) {
        JsonElement json = GSON.toJsonTree(value);
        synchronized (this) {
            checkValue(key, json);
        }
        apply(key, json, true);
        return this;
    }

    /** Calls {@code listener} after each change of {@code property}, from Java or the front end. */
    public final Widget observe(String property, Consumer<Change> listener) {
        synchronized (observers) {
            observers.computeIfAbsent(property, k -> new CopyOnWriteArrayList<>()).add(listener);
        }
        return this;
    }

    /** Calls {@code handler} with the content (and buffers) of each custom message from the front end. */
    public final Widget onCustom(BiConsumer<JsonElement, List<byte[]>> handler) {
        customHandlers.add(handler);
        return this;
    }

    /** Sends a custom message to the front-end model. */
    public final synchronized void sendCustom(JsonElement content, List<byte[]> buffers) {
        ensureOpen();
        JsonObject data = new JsonObject();
        data.addProperty("method", "custom");
        data.add("content", content);
        transport.send(id, data, buffers, null);
    }

    /** Closes the comm; the front end drops the model and its views. */
    public final synchronized void close() {
        if (transport != null && !closed) {
            closed = true;
            Widgets.forget(this);
            transport.close(id);
        }
    }

    /** The display bundle: the widget view, and a line for front ends without a live kernel. */
    public DisplayData toDisplayData() {
        ensureOpen();
        DisplayData data = new DisplayData(staticText());
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("model_id", id());
        view.put("version_major", Protocol.VERSION_MAJOR);
        view.put("version_minor", Protocol.VERSION_MINOR);
        data.putData(Protocol.VIEW_MIME, view);
        return data;
    }

    /** What a notebook shows in place of the widget when no kernel is there to drive it. */
    protected String staticText() {
        return getClass().getSimpleName() + ": the controls need a live kernel (run the cell)";
    }

    /** The state as the front end gets it on open or request_state, buffers apart. */
    public final synchronized JsonObject fullState() {
        JsonObject full = state.deepCopy();
        references.forEach((key, value) -> full.add(key, referenceJson(value)));
        binary.keySet().forEach(full::remove);
        return full;
    }

    final synchronized List<byte[]> buffers() {
        return new ArrayList<>(binary.values());
    }

    final synchronized JsonArray bufferPaths() {
        JsonArray paths = new JsonArray();
        binary.keySet().forEach(key -> paths.add(path(key)));
        return paths;
    }

    final String modelName() {
        return state.get("_model_name").getAsString();
    }

    final String modelModule() {
        return state.get("_model_module").getAsString();
    }

    final String modelModuleVersion() {
        return state.get("_model_module_version").getAsString();
    }

    // ---- the comm ------------------------------------------------------------------------------

    /** Opens the comm (after those of the widgets this one refers to), once. */
    final synchronized void ensureOpen() {
        if (transport != null) {
            return;
        }
        Transport through = Widgets.transport();
        openReferences();
        JsonObject data = new JsonObject();
        data.add("state", fullState());
        data.add("buffer_paths", bufferPaths());
        id = through.open(Protocol.WIDGET_TARGET, data, buffers(), new Transport.Inbox() {
            @Override
            public void receive(JsonObject message, List<byte[]> buffers, MessageContext context) {
                Widget.this.receive(message, buffers, context);
            }

            @Override
            public void closed() {
                synchronized (Widget.this) {
                    closed = true;
                }
                Widgets.forget(Widget.this);
            }
        });
        transport = through;
        Widgets.remember(this);
    }

    private void openReferences() {
        for (Object value : references.values()) {
            for (Widget w : asWidgets(value)) {
                w.ensureOpen();
            }
        }
    }

    /** One message from the front end (on the shell thread). */
    final void receive(JsonObject data, List<byte[]> buffers, MessageContext message) {
        JsonElement method = data == null ? null : data.get("method");
        String name = method != null && method.isJsonPrimitive() ? method.getAsString() : "";
        switch (name) {
            case "update" -> receiveUpdate(data, buffers, message);
            case "request_state" -> {
                synchronized (this) {
                    sendUpdate(fullState(), buffers(), message, "update", bufferPaths());
                }
            }
            case "custom" -> {
                JsonElement content = data.has("content") ? data.get("content") : JsonNull.INSTANCE;
                customHandlers.forEach(h -> h.accept(content, buffers));
            }
            default -> WidgetLog.refused("a message with method '" + WidgetLog.clip(name) + "' for " + describe()
                    + "; accepted methods are update, request_state and custom");
        }
    }

    private void receiveUpdate(JsonObject data, List<byte[]> buffers, MessageContext message) {
        if (!data.has("state") || !data.get("state").isJsonObject()) {
            WidgetLog.refused("an update without a state object for " + describe());
            return;
        }
        JsonObject incoming = data.getAsJsonObject("state");
        Map<String, byte[]> incomingBinary = new LinkedHashMap<>();
        if (!readBuffers(data.get("buffer_paths"), buffers, incomingBinary)) {
            return;
        }
        List<Change> changes = new ArrayList<>();
        synchronized (this) {
            JsonObject echo = new JsonObject();
            JsonObject restore = new JsonObject();
            for (Map.Entry<String, JsonElement> entry : incoming.entrySet()) {
                String key = entry.getKey();
                try {
                    checkValue(key, entry.getValue());
                    if (!writable.contains(key)) {
                        throw new RefusedValueException("the front end may not change it; it may change "
                                + String.join(", ", writable));
                    }
                    echo.add(key, entry.getValue());
                } catch (RefusedValueException e) {
                    JsonElement kept = state.get(key);
                    WidgetLog.refused("'" + WidgetLog.clip(key) + "' = " + WidgetLog.clip(entry.getValue()) + " for "
                            + describe() + ": " + e.getMessage()
                            + (kept == null ? "" : "; it stays " + WidgetLog.clip(kept)));
                    if (kept != null) {
                        restore.add(key, kept);
                    }
                }
            }
            for (Map.Entry<String, JsonElement> entry : echo.entrySet()) {
                JsonElement old = state.get(entry.getKey());
                if (!entry.getValue().equals(old)) {
                    changes.add(new Change(this, entry.getKey(), old, entry.getValue()));
                }
                state.add(entry.getKey(), entry.getValue());
            }
            JsonArray echoPaths = new JsonArray();
            for (Map.Entry<String, byte[]> entry : incomingBinary.entrySet()) {
                if (binary.containsKey(entry.getKey()) && writable.contains(entry.getKey())) {
                    binary.put(entry.getKey(), entry.getValue());
                    echoPaths.add(path(entry.getKey()));
                    changes.add(new Change(this, entry.getKey(), null, null));
                } else {
                    WidgetLog.refused("a buffer for '" + WidgetLog.clip(entry.getKey()) + "' of " + describe()
                            + ": it is not a binary property the front end may change");
                }
            }
            if (!echo.entrySet().isEmpty() || echoPaths.size() > 0) {
                List<byte[]> echoed = new ArrayList<>();
                echoPaths.forEach(p -> echoed.add(binary.get(p.getAsJsonArray().get(0).getAsString())));
                sendUpdate(echo, echoed, message, "echo_update", echoPaths);
            }
            if (!restore.entrySet().isEmpty()) {
                sendUpdate(restore, List.of(), message, "update");
            }
        }
        notifyObservers(changes);
    }

    /** Buffers by top-level path only: what the core widgets (Image's value) use. */
    private boolean readBuffers(JsonElement paths, List<byte[]> buffers, Map<String, byte[]> into) {
        if (paths == null || paths.isJsonNull()) {
            return true;
        }
        if (!paths.isJsonArray() || paths.getAsJsonArray().size() > buffers.size()) {
            WidgetLog.refused("an update for " + describe() + " whose buffer_paths " + WidgetLog.clip(paths)
                    + " do not match its " + buffers.size() + " buffer(s)");
            return false;
        }
        JsonArray list = paths.getAsJsonArray();
        for (int i = 0; i < list.size(); i++) {
            JsonElement path = list.get(i);
            if (!path.isJsonArray() || path.getAsJsonArray().size() != 1
                    || !path.getAsJsonArray().get(0).isJsonPrimitive()) {
                WidgetLog.refused("buffer path " + WidgetLog.clip(path) + " for " + describe()
                        + "; accepted are top-level properties, e.g. [\"value\"]");
                return false;
            }
            into.put(path.getAsJsonArray().get(0).getAsString(), buffers.get(i));
        }
        return true;
    }

    private void checkValue(String key, JsonElement value) {
        JsonElement current = state.get(key);
        if (current == null && !binary.containsKey(key)) {
            throw new RefusedValueException("no such property");
        }
        if (current != null && !current.isJsonNull() && !value.isJsonNull() && kind(current) != kind(value)) {
            throw new RefusedValueException("expected a " + kind(current) + ", got a " + kind(value));
        }
        check(key, value);
    }

    private static String kind(JsonElement e) {
        if (e.isJsonArray()) {
            return "list";
        }
        if (e.isJsonObject()) {
            return "object";
        }
        if (e.isJsonNull()) {
            return "null";
        }
        JsonPrimitive p = e.getAsJsonPrimitive();
        return p.isBoolean() ? "boolean" : p.isNumber() ? "number" : "string";
    }

    private void apply(String key, JsonElement value, boolean send) {
        List<Change> changes;
        synchronized (this) {
            JsonElement old = state.get(key);
            state.add(key, value);
            if (send && transport != null && !closed) {
                sendUpdate(single(key, value), List.of(), null, "update");
            }
            changes = value.equals(old) ? List.of() : List.of(new Change(this, key, old, value));
        }
        notifyObservers(changes);
    }

    private void sendUpdate(JsonObject changed, List<byte[]> buffers, MessageContext parent, String method) {
        sendUpdate(changed, buffers, parent, method, new JsonArray());
    }

    private void sendUpdate(JsonObject changed, List<byte[]> buffers, MessageContext parent, String method,
                            JsonArray paths) {
        if (transport == null || closed) {
            return;
        }
        JsonObject data = new JsonObject();
        data.addProperty("method", method);
        data.add("state", changed);
        data.add("buffer_paths", paths);
        transport.send(id, data, buffers, parent);
    }

    private void notifyObservers(List<Change> changes) {
        for (Change change : changes) {
            List<Consumer<Change>> listeners;
            synchronized (observers) {
                listeners = observers.getOrDefault(change.name(), List.of());
            }
            for (Consumer<Change> listener : listeners) {
                listener.accept(change);
            }
        }
    }

    String describe() {
        String model = state.get("_model_name").getAsString();
        return model + " " + (id == null ? "(not shown yet)" : id);
    }

    private static JsonObject single(String key, JsonElement value) {
        JsonObject one = new JsonObject();
        one.add(key, value);
        return one;
    }

    private static JsonArray path(String key) {
        JsonArray path = new JsonArray();
        path.add(key);
        return path;
    }

    private static JsonElement referenceJson(Object value) {
        if (value instanceof Widget w) {
            return new JsonPrimitive(Protocol.REFERENCE_PREFIX + w.id());
        }
        JsonArray list = new JsonArray();
        asWidgets(value).forEach(w -> list.add(Protocol.REFERENCE_PREFIX + w.id()));
        return list;
    }

    private static List<Widget> asWidgets(Object value) {
        if (value instanceof Widget w) {
            return List.of(w);
        }
        List<Widget> list = new ArrayList<>();
        if (value instanceof List<?> items) {
            for (Object item : items) {
                list.add((Widget) item);
            }
        }
        return list;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + fullState().toString();
    }
}
