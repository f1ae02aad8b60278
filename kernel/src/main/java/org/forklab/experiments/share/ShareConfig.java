package org.forklab.experiments.share;

import org.forklab.experiments.core.TimeLimit;
import org.forklab.experiments.core.Caps;
import org.forklab.experiments.core.Check;
import org.forklab.experiments.sandbox.SandboxLimits;

import java.time.Duration;

/**
 * How many threads and processes to look at.
 *
 * @param workers   W threads, and W child processes
 * @param caps      safety caps on threads, processes and memory
 * @param sandbox   heap and time limit of each child JVM
 * @param timeLimit the whole run stops, with everything it started, past this
 */
public record ShareConfig(int workers, Caps caps, SandboxLimits sandbox, Duration timeLimit) {
    public static final int MAX_WORKERS = 16;

    public ShareConfig {
        Check.range("workers", workers, 1, MAX_WORKERS);
        TimeLimit.check(timeLimit);
        caps.checkThreads(workers, "--max-threads");
        caps.checkProcesses(workers, "--max-processes");
        sandbox.checkMemoryFor(workers, caps, "--max-memory");
    }

    /** Three threads and three child processes. */
    public static ShareConfig defaults() {
        return defaults(Caps.defaults());
    }

    public static ShareConfig defaults(Caps caps) {
        return new ShareConfig(3, caps, SandboxLimits.defaults(), Duration.ofSeconds(60));
    }

    public ShareConfig withWorkers(int w) {
        return new ShareConfig(w, caps, sandbox, timeLimit);
    }

    public ShareConfig withCaps(Caps c) {
        return new ShareConfig(workers, c, sandbox, timeLimit);
    }

    public ShareConfig withSandbox(SandboxLimits s) {
        return new ShareConfig(workers, caps, s, timeLimit);
    }

    public ShareConfig withTimeLimit(Duration limit) {
        return new ShareConfig(workers, caps, sandbox, limit);
    }
}
