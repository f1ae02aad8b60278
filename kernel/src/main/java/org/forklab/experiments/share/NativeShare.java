package org.forklab.experiments.share;

import com.google.gson.JsonObject;
import org.forklab.experiments.nativeprobe.NativeProbe;
import org.forklab.experiments.nativeprobe.ProbeRun;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The native side of the share experiment ({@code forklab-probe share}, probe_share.c). */
final class NativeShare {
    private NativeShare() {
    }

    static Optional<String> unavailableReason() {
        return NativeProbe.bundled().availability();
    }

    static NativeShareView run(int workers, Duration limit) throws IOException, InterruptedException {
        ProbeRun run = NativeProbe.bundled().run(List.of("share", "workers=" + workers), limit).requireSuccess();
        List<JsonObject> threads = run.ofType("thread");
        JsonObject global = side(run, "global", "threads");
        JsonObject heap = run.first("heap").orElseThrow(() -> missing("heap"));
        JsonObject fd = side(run, "fd", "threads");
        JsonObject signal = side(run, "signal", "threads");
        JsonObject child = side(run, "fork", "child");
        JsonObject parent = side(run, "fork", "parent");
        JsonObject childFd = side(run, "fd", "fork");
        JsonObject childSignal = side(run, "signal", "fork");
        return new NativeShareView(run.first("process").orElseThrow(() -> missing("process")).get("pid").getAsLong(),
                threads.stream().map(t -> t.get("tid").getAsLong()).toList(),
                threads.stream().map(t -> t.get("stack_local").getAsString()).toList(),
                global.get("address").getAsString(), global.get("after").getAsLong(),
                heap.get("value_in_main").getAsLong(), fd.get("bytes").getAsLong(),
                signal.get("seen_by_main").getAsBoolean(), child.get("pid").getAsLong(),
                child.get("address").getAsString(), parent.get("address").getAsString(),
                child.get("value").getAsLong(), parent.get("value").getAsLong(),
                childFd.get("open_in_parent").getAsBoolean(), childSignal.get("seen_by_parent").getAsBoolean());
    }

    private static JsonObject side(ProbeRun run, String type, String side) {
        return run.ofType(type).stream().filter(o -> side.equals(o.get("side").getAsString())).findFirst()
                .orElseThrow(() -> missing(type + "/" + side));
    }

    private static IllegalStateException missing(String what) {
        return new IllegalStateException("the native probe's share output has no " + what + " line");
    }
}
