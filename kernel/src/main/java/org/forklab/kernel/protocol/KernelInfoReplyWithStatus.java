package org.forklab.kernel.protocol;

import io.github.spencerpark.jupyter.kernel.LanguageInfo;
import io.github.spencerpark.jupyter.messages.reply.KernelInfoReply;

import java.util.List;

/** basekernel's kernel_info_reply without the "status" the message spec requires. */
public final class KernelInfoReplyWithStatus extends KernelInfoReply {
    @SuppressWarnings("unused") // serialised by Gson
    private final String status = "ok";

    public KernelInfoReplyWithStatus(String implementation, String version, LanguageInfo language, String banner,
                              List<LanguageInfo.Help> helpLinks) {
        super("5.3", implementation, version, language, banner, helpLinks);
    }
}
