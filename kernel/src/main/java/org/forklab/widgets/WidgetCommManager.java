package org.forklab.widgets;

import com.google.gson.JsonObject;
import io.github.spencerpark.jupyter.channels.JupyterSocket;
import io.github.spencerpark.jupyter.channels.ReplyEnvironment;
import io.github.spencerpark.jupyter.kernel.comm.Comm;
import io.github.spencerpark.jupyter.kernel.comm.CommManager;
import io.github.spencerpark.jupyter.messages.ContentType;
import io.github.spencerpark.jupyter.messages.Message;
import io.github.spencerpark.jupyter.messages.MessageContext;
import io.github.spencerpark.jupyter.messages.comm.CommMsgCommand;
import io.github.spencerpark.jupyter.messages.comm.CommOpenCommand;

import java.util.List;
import java.util.Map;

/**
 * basekernel's comm manager with the three things the widget protocol needs and basekernel's
 * public API lacks: a comm_open with metadata and buffers (the front end refuses a widget whose
 * open carries no {@code version}), a comm_msg whose parent is a chosen message (the front end
 * matches an {@code echo_update} to its own update by the parent's msg_id), and publishing any
 * iopub content outside a cell (a panel redrawing its result after the cell has ended).
 * A comm_msg for an unknown comm is logged in one line instead of vanishing.
 */
public class WidgetCommManager extends CommManager {
    /** True once the kernel has connected; before that nothing can be sent. */
    public synchronized boolean connected() {
        return iopub != null;
    }

    /** Sends comm_open for {@code comm} (already built, with its id) and registers it. */
    public synchronized void open(Comm comm, JsonObject data, Map<String, Object> metadata, List<byte[]> buffers) {
        CommOpenCommand content = new CommOpenCommand(comm.getID(), comm.getTargetName(), data);
        Message<CommOpenCommand> message = new Message<>(context, CommOpenCommand.MESSAGE_TYPE, content,
                blobs(buffers), new java.util.LinkedHashMap<>(metadata));
        iopub.sendMessage(message);
        registerComm(comm);
    }

    /**
     * A comm_msg on {@code commId}; {@code parent} null means the current cell's request. Sent
     * outside this manager's lock: the socket has its own, and a panel's chart (a few hundred KB
     * to serialise and sign) must not keep the shell thread from looking up the next comm.
     */
    public void send(String commId, JsonObject data, List<byte[]> buffers, MessageContext parent) {
        MessageContext replyTo;
        JupyterSocket socket;
        synchronized (this) {
            replyTo = parent == null ? context : parent;
            socket = iopub;
        }
        CommMsgCommand content = new CommMsgCommand(commId, data);
        socket.sendMessage(new Message<>(replyTo, CommMsgCommand.MESSAGE_TYPE, content, blobs(buffers), null));
    }

    /**
     * basekernel ends a message after its last blob: an empty list would leave the multipart
     * message open and the next message glued to it, so no buffers travel as null.
     */
    private static List<byte[]> blobs(List<byte[]> buffers) {
        return buffers == null || buffers.isEmpty() ? null : new java.util.ArrayList<>(buffers);
    }

    /** Any iopub content (an update_display_data, say), with the current cell's request as parent. */
    public <T extends ContentType<T>> void publish(T content) {
        MessageContext replyTo;
        JupyterSocket socket;
        synchronized (this) {
            replyTo = context;
            socket = iopub;
        }
        if (socket != null) {
            socket.sendMessage(new Message<>(replyTo, content.getType(), content));
        }
    }

    @Override
    public void handleCommMsgCommand(ReplyEnvironment env, Message<CommMsgCommand> message) {
        String id = message.getContent().getCommID();
        if (getCommByID(id) == null) {
            env.setBusyDeferIdle();
            WidgetLog.refused("a comm_msg for unknown comm id '" + WidgetLog.clip(id)
                    + "'; accepted are ids of open comms (the page may be older than the kernel: reload it)");
            return;
        }
        long wall = HandlingTimes.now();
        long cpu = HandlingTimes.cpuNow();
        super.handleCommMsgCommand(env, message);
        HandlingTimes.record(HandlingTimes.now() - wall, cpu < 0 ? -1 : HandlingTimes.cpuNow() - cpu);
    }

    // basekernel's maps are plain HashMaps read by the shell thread and written by cells and
    // panel workers; these keep every access under one lock.
    @Override
    public synchronized Comm getCommByID(String id) {
        return super.getCommByID(id);
    }

    @Override
    public synchronized void registerComm(Comm comm) {
        super.registerComm(comm);
    }

    @Override
    public synchronized Comm unregisterComm(String id) {
        return super.unregisterComm(id);
    }

    /** A copy, so comm_info can list the comms while a cell opens more. */
    @Override
    public synchronized java.util.Iterator<Comm> iterator() {
        return new java.util.ArrayList<>(comms.values()).iterator();
    }
}
