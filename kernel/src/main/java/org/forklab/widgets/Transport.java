package org.forklab.widgets;

import com.google.gson.JsonObject;
import io.github.spencerpark.jupyter.messages.MessageContext;

import java.util.List;

/**
 * Where a widget's messages go: the kernel's comms, or a recorder in unit tests. A widget opens
 * its comm through {@link #open} and from then on receives the front end's messages in its inbox.
 */
public interface Transport {
    /** Opens a comm on {@code target} with {@code data}, the version metadata and buffers; returns its id. */
    String open(String target, JsonObject data, List<byte[]> buffers, Inbox inbox);

    /** A comm_msg; {@code parent} is the front-end message it answers, or null. */
    void send(String id, JsonObject data, List<byte[]> buffers, MessageContext parent);

    /** Closes the comm (the front end drops the model). */
    void close(String id);

    /** What a comm delivers to its widget. */
    interface Inbox {
        void receive(JsonObject data, List<byte[]> buffers, MessageContext message);

        void closed();
    }
}
