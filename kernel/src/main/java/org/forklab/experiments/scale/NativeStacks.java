package org.forklab.experiments.scale;

import org.forklab.stats.Unit;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.forklab.experiments.core.Samples;
import org.forklab.experiments.nativeprobe.NativeProbe;
import org.forklab.experiments.nativeprobe.ProbeRun;

/**
 * Native threads' stacks measured by the C probe ({@code forklab-probe stacks}, probe_stacks.c):
 * per idle pthread with default attributes, the stack mapping's Size and Rss from smaps. This is
 * what the lesson's stack figures are about (glibc sizes a stack from RLIMIT_STACK); a Java
 * thread gets the JVM's own -Xss default instead.
 *
 * @param threads          idle pthreads measured at once
 * @param defaultStackBytes glibc's default stack size (pthread_getattr_default_np), 0 if unknown
 * @param rlimitStackBytes RLIMIT_STACK (ulimit -s), -1 when unlimited or unknown
 * @param virtualBytes     each thread's stack mapping Size
 * @param residentBytes    each thread's stack mapping Rss
 */
public record NativeStacks(int threads, long defaultStackBytes, long rlimitStackBytes, Samples virtualBytes,
                           Samples residentBytes) {
    public static final int THREADS = 16;
    private static final Duration LIMIT = Duration.ofSeconds(20);

    /** Why the probe cannot measure here, if it cannot. */
    public static Optional<String> unavailableReason() {
        return NativeProbe.bundled().availability();
    }

    /** {@code threads} idle pthreads measured by the bundled probe. */
    public static NativeStacks measure(int threads) throws IOException, InterruptedException {
        ProbeRun run = NativeProbe.bundled().run(List.of("stacks", "threads=" + threads), LIMIT).requireSuccess();
        List<JsonObject> stacks = run.ofType("stack");
        JsonObject summary = run.first("stacks")
                .orElseThrow(() -> new IllegalStateException("the native probe's stacks output has no summary line"));
        double[] size = stacks.stream().mapToDouble(s -> s.get("size").getAsDouble()).toArray();
        double[] rss = stacks.stream().mapToDouble(s -> s.get("rss").getAsDouble()).toArray();
        return new NativeStacks(stacks.size(), summary.get("default_stack").getAsLong(),
                summary.get("rlimit_stack").getAsLong(),
                Samples.of("pthread stack, virtual (smaps Size)", Unit.BYTES, size),
                Samples.of("pthread stack, resident (smaps Rss)", Unit.BYTES, rss));
    }
}
