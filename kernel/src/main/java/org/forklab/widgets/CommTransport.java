package org.forklab.widgets;

import com.google.gson.JsonObject;
import io.github.spencerpark.jupyter.kernel.comm.Comm;
import io.github.spencerpark.jupyter.kernel.comm.CommManager;
import io.github.spencerpark.jupyter.messages.Message;
import io.github.spencerpark.jupyter.messages.MessageContext;
import io.github.spencerpark.jupyter.messages.comm.CommCloseCommand;
import io.github.spencerpark.jupyter.messages.comm.CommMsgCommand;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Widget messages over basekernel's comms. With forklab's {@link WidgetCommManager} every message
 * is exact (metadata and buffers on open, the parent of an echo). With a stock basekernel
 * manager (IJava) only public API is used: the open's metadata and state are added to the
 * message basekernel builds, buffers of the open follow in an update, and an echo's parent is
 * set through the manager's message context.
 */
final class CommTransport implements Transport {
    private final CommManager manager;

    CommTransport(CommManager manager) {
        this.manager = manager;
    }

    @Override
    public String open(String target, JsonObject data, List<byte[]> buffers, Inbox inbox) {
        if (manager instanceof WidgetCommManager exact) {
            String id = UUID.randomUUID().toString().replace("-", "");
            exact.open(new InboxComm(manager, id, target, inbox), data, Map.of("version", Protocol.VERSION), buffers);
            return id;
        }
        return openStock(target, data, buffers, inbox);
    }

    /** The stock path: basekernel picks the id, so it is returned. */
    private String openStock(String target, JsonObject data, List<byte[]> buffers, Inbox inbox) {
        JsonObject withoutBuffers = data.deepCopy();
        withoutBuffers.add("buffer_paths", new com.google.gson.JsonArray());
        Comm comm = manager.openComm(target, (m, id, name, message) -> {
            message.getNonNullMetadata().put("version", Protocol.VERSION);
            JsonObject sent = message.getContent().getData();
            withoutBuffers.entrySet().forEach(e -> sent.add(e.getKey(), e.getValue()));
            return new InboxComm(m, id, name, inbox);
        });
        if (comm == null) {
            throw new IllegalStateException("widgets need a connected kernel");
        }
        if (!buffers.isEmpty()) {
            JsonObject update = new JsonObject();
            update.addProperty("method", "update");
            update.add("state", new JsonObject());
            update.add("buffer_paths", data.get("buffer_paths"));
            manager.messageComm(comm.getID(), update, null, buffers);
        }
        return comm.getID();
    }

    @Override
    public void send(String id, JsonObject data, List<byte[]> buffers, MessageContext parent) {
        if (manager instanceof WidgetCommManager exact) {
            exact.send(id, data, buffers, parent);
            return;
        }
        synchronized (manager) {
            if (parent != null) {
                manager.setMessageContext(parent);
            }
            manager.messageComm(id, data, null, buffers.isEmpty() ? null : new ArrayList<>(buffers));
        }
    }

    @Override
    public void close(String id) {
        Comm comm = manager.getCommByID(id);
        if (comm != null) {
            comm.close();
        }
    }

    /** A comm that hands what arrives to its widget. */
    private static final class InboxComm extends Comm {
        private final Inbox inbox;

        InboxComm(CommManager manager, String id, String target, Inbox inbox) {
            super(manager, id, target);
            this.inbox = inbox;
        }

        @Override
        protected void onMessage(Message<CommMsgCommand> message) {
            List<byte[]> blobs = message.getBlobs();
            inbox.receive(message.getContent().getData(), blobs == null ? List.of() : blobs, message);
        }

        @Override
        protected void onClose(Message<CommCloseCommand> message, boolean sending) {
            inbox.closed();
        }
    }
}
