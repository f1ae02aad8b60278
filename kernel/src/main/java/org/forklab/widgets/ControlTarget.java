package org.forklab.widgets;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.spencerpark.jupyter.kernel.comm.Comm;
import io.github.spencerpark.jupyter.kernel.comm.CommManager;
import io.github.spencerpark.jupyter.kernel.comm.CommTarget;
import io.github.spencerpark.jupyter.messages.Message;
import io.github.spencerpark.jupyter.messages.comm.CommCloseCommand;
import io.github.spencerpark.jupyter.messages.comm.CommMsgCommand;
import io.github.spencerpark.jupyter.messages.comm.CommOpenCommand;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code jupyter.widget.control} target: a reloaded page opens a comm here and sends
 * {@code request_states}; the answer is one {@code update_states} with every open widget,
 * {@code {"states": {id: {model_name, model_module, model_module_version, state}}}}, and its
 * buffers with paths that start at the model id ({@code [id, "state", key]}), as ipywidgets does.
 */
final class ControlTarget implements CommTarget {
    private final Transport transport;

    ControlTarget(Transport transport) {
        this.transport = transport;
    }

    @Override
    public Comm createComm(CommManager manager, String id, String target, Message<CommOpenCommand> open) {
        return new Comm(manager, id, target) {
            @Override
            protected void onMessage(Message<CommMsgCommand> message) {
                JsonObject data = message.getContent().getData();
                JsonElement method = data == null ? null : data.get("method");
                if (method == null || !method.isJsonPrimitive() || !"request_states".equals(method.getAsString())) {
                    WidgetLog.refused("a control message " + WidgetLog.clip(data)
                            + "; accepted is {\"method\": \"request_states\"}");
                    return;
                }
                List<byte[]> buffers = new ArrayList<>();
                JsonObject reply = updateStates(Widgets.open(), buffers);
                transport.send(getID(), reply, buffers, message);
            }

            @Override
            protected void onClose(Message<CommCloseCommand> message, boolean sending) {
            }
        };
    }

    /** The update_states content; {@code buffers} receives the binary values in path order. */
    static JsonObject updateStates(List<Widget> widgets, List<byte[]> buffers) {
        JsonObject states = new JsonObject();
        JsonArray paths = new JsonArray();
        for (Widget w : widgets) {
            JsonObject entry = new JsonObject();
            entry.addProperty("model_name", w.modelName());
            entry.addProperty("model_module", w.modelModule());
            entry.addProperty("model_module_version", w.modelModuleVersion());
            entry.add("state", w.fullState());
            states.add(w.id(), entry);
            JsonArray own = w.bufferPaths();
            List<byte[]> ownBuffers = w.buffers();
            for (int i = 0; i < own.size(); i++) {
                JsonArray path = new JsonArray();
                path.add(w.id());
                path.add("state");
                own.get(i).getAsJsonArray().forEach(path::add);
                paths.add(path);
                buffers.add(ownBuffers.get(i));
            }
        }
        JsonObject data = new JsonObject();
        data.addProperty("method", "update_states");
        data.add("states", states);
        data.add("buffer_paths", paths);
        return data;
    }
}
