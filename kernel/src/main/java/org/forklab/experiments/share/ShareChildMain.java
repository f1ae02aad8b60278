package org.forklab.experiments.share;

import org.forklab.experiments.sandbox.ParentDeath;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * One child process of the share experiment: {@code INDEX FILE}. Prints "key value" lines:
 * pid, tid, sp, pc, sigcgt, uid, heap (the value its own copy of the heap object holds),
 * global-seen and global-written (its own copy of the global before and after it writes it),
 * and fd (the descriptor it opened on FILE, which only this process has).
 */
public final class ShareChildMain {
    private ShareChildMain() {
    }

    public static void main(String[] args) throws IOException {
        ParentDeath.watch(); // never outlive the kernel, even one killed outright
        int index = Integer.parseInt(args[0]);
        Path file = Path.of(args[1]);
        long[] ids = ThreadSelf.pidAndTid();
        say("pid", ids[0]);
        say("tid", ids[1]);
        ThreadSelf.stackPointerAndPc().ifPresent(r -> {
            say("sp", r[0]);
            say("pc", r[1]);
        });
        say("sigcgt", ThreadSelf.status("SigCgt"));
        say("uid", ThreadSelf.status("Uid"));
        say("heap", SharedState.HEAP.get());
        say("global-seen", SharedState.global);
        SharedState.global = 1000 + index;
        say("global-written", SharedState.global);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            channel.write(ByteBuffer.wrap(("written by child " + index + "\n").getBytes(StandardCharsets.UTF_8)));
            List<Integer> fds = ThreadSelf.descriptorNumbersOn(file);
            say("fd", fds.isEmpty() ? -1 : fds.get(0));
        }
        System.out.flush();
    }

    private static void say(String key, Object value) {
        System.out.println(key + " " + value);
    }
}
