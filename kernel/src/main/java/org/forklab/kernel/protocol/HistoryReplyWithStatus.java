package org.forklab.kernel.protocol;

import io.github.spencerpark.jupyter.kernel.history.HistoryEntry;
import io.github.spencerpark.jupyter.messages.Message;
import io.github.spencerpark.jupyter.messages.MessageType;
import io.github.spencerpark.jupyter.messages.reply.HistoryReply;

import java.util.ArrayList;
import java.util.List;

/**
 * A history_reply as the message spec has it: basekernel's omits "status", and its entry adapter
 * is not applied to replies sent from outside basekernel, so entries are shaped here as
 * [session, line, input] or [session, line, [input, output]].
 */
final class HistoryReplyWithStatus {
    @SuppressWarnings("unused") // serialised by Gson
    private final String status = "ok";
    @SuppressWarnings("unused")
    private final List<List<Object>> history = new ArrayList<>();

    HistoryReplyWithStatus(List<HistoryEntry> entries) {
        for (HistoryEntry e : entries) {
            Object body = e.hasOutput() ? List.of(e.getInput(), e.getOutput()) : e.getInput();
            history.add(List.of(e.getSession(), e.getCellNumber(), body));
        }
    }

    /** The reply message to {@code request}; raw types because the content is not basekernel's class. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Message<?> message(Message<?> request, List<HistoryEntry> entries) {
        return new Message(request, (MessageType) HistoryReply.MESSAGE_TYPE, new HistoryReplyWithStatus(entries));
    }
}
