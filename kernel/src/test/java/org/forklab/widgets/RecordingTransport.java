package org.forklab.widgets;

import com.google.gson.JsonObject;
import io.github.spencerpark.jupyter.messages.MessageContext;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A front end on paper: records what widgets send and delivers what a test sends them. */
final class RecordingTransport implements Transport {
    record Sent(String id, JsonObject data, List<byte[]> buffers, MessageContext parent) {
        String method() {
            return data.get("method").getAsString();
        }
    }

    final Map<String, JsonObject> opened = new LinkedHashMap<>();
    final Map<String, List<byte[]>> openBuffers = new LinkedHashMap<>();
    final Map<String, Inbox> inboxes = new LinkedHashMap<>();
    final List<Sent> sent = new ArrayList<>();
    private int next;

    @Override
    public synchronized String open(String target, JsonObject data, List<byte[]> buffers, Inbox inbox) {
        String id = "m" + (next++);
        opened.put(id, data);
        openBuffers.put(id, buffers);
        inboxes.put(id, inbox);
        return id;
    }

    @Override
    public synchronized void send(String id, JsonObject data, List<byte[]> buffers, MessageContext parent) {
        sent.add(new Sent(id, data, buffers, parent));
    }

    @Override
    public void close(String id) {
    }

    /** Delivers a front-end comm_msg to widget {@code id}. */
    void deliver(String id, String json, List<byte[]> buffers) {
        inboxes.get(id).receive(new com.google.gson.JsonParser().parse(json).getAsJsonObject(), buffers, null);
    }

    synchronized List<Sent> sentTo(String id) {
        return sent.stream().filter(s -> s.id().equals(id)).toList();
    }
}
