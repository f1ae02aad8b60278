package org.forklab.magics.claims;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.forklab.experiments.core.Environment;
import org.forklab.experiments.core.Samples;
import org.forklab.experiments.cost.CostResult;
import org.forklab.experiments.cost.CostSetting;
import org.forklab.experiments.cost.CostVariant;
import org.forklab.experiments.cost.PageKind;
import org.forklab.experiments.ipc.IpcResult;
import org.forklab.experiments.ipc.TransportResult;
import org.forklab.experiments.race.RaceOutcome;
import org.forklab.experiments.race.RaceResult;
import org.forklab.experiments.race.RaceVariant;
import org.forklab.stats.ClaimRange;
import org.forklab.stats.Unit;
import org.forklab.stats.Verdict;

/**
 * Every numeric claim of the lessons (notebooks/) that a measurement on this machine can
 * answer, with where its measurement comes from and the likely cause of a disagreement.
 * Claims that are facts about the system or typical practice rather than costs (the 128 TiB
 * user address space, typical thread and process counts, C10K) are in {@link #FACTS}.
 */
public final class Claims {
    private static final long GIB = 1L << 30;

    private Claims() {
    }

    public static final List<Claim> ALL = Stream.concat(Stream.of(
            cost("fork-minimal", "fork of a minimal child costs 50–100 µs", 50, 100,
                    variant(CostVariant.FORK), (v, env, result) -> forkCause(v, env)),
            cost("fork-1g", "fork of a process with 1 GB of touched memory costs 100–300 µs", 100, 300,
                    r -> r instanceof CostResult c ? c.forkSweep().stream()
                            .filter(p -> p.touchBytes() == GIB && p.pages() == PageKind.SMALL)
                            .map(CostResult.ForkPoint::samples).findFirst().map(Measurement::median) : Optional.empty(),
                    (v, env, result) -> forkCause(v, env)),
            cost("fork-exec", "fork followed by exec of a small program costs 200–500 µs", 200, 500,
                    variant(CostVariant.FORK_EXEC), (v, env, result) -> v == Verdict.ABOVE
                            ? "exec maps a new program and its shared libraries, and the child's start-up runs before"
                            + " waitpid returns; in a virtual machine" + (virtualised(env) ? " (as here)" : "")
                            + " page-table updates trap to the hypervisor"
                            : "a tiny program such as /bin/true on a fast CPU execs faster than the lesson's typical case"),
            cost("pthread-create", "pthread_create (with join) costs 2–10 µs", 2, 10,
                    variant(CostVariant.PTHREAD), Claims::threadCause),
            cost("java-thread", "starting a Java platform thread (with join) costs about what pthread_create does, 2–10 µs",
                    2, 10, variant(CostVariant.PLATFORM_THREAD), (v, env, result) -> v == Verdict.ABOVE
                            ? "a Java thread is a pthread plus the JVM's own bookkeeping (Thread object, TLABs, safepoint"
                            + " registration), so it costs more than the bare system call"
                            : threadCause(v, env, result)),
            // the pool claim is judged two ways, each labelled: amortised over many tasks, and one hand-off alone
            new Claim("pool-dispatch", "4. Cost", "dispatching a task to a thread pool costs 0.1–1 µs, judged as"
                    + " amortised throughput (many tasks queued at once, cost per task)",
                    new ClaimRange(0.1, 1, Unit.MICROSECONDS), "%spawn",
                    variant(CostVariant.EXECUTOR_THROUGHPUT), (v, env, result) -> v == Verdict.ABOVE
                            ? "even queued in bulk, tasks wake parked workers (a futex call and a context switch) whenever"
                            + " the queue runs dry; with few CPUs" + " (" + env.cpus() + " here) workers and submitter compete"
                            : "batching lets the JIT inline the queue operations, so a task costs little more than"
                            + " a queue insert"),
            new Claim("pool-dispatch-handoff", "4. Cost", "dispatching a task to a thread pool costs 0.1–1 µs, judged as"
                    + " a single hand-off (submit to result, one task at a time)",
                    new ClaimRange(0.1, 1, Unit.MICROSECONDS), "%spawn",
                    variant(CostVariant.EXECUTOR_LATENCY), (v, env, result) -> v == Verdict.ABOVE
                            ? "one task alone finds the worker parked: submit wakes it through the kernel (futex, scheduler)"
                            + " and get waits to be woken in turn, two wake-ups that a queue operation alone does not pay"
                            : "the worker was still spinning from the previous task, so no wake-up went through the kernel"),
            new Claim("race-threads", "3. Memory", "two threads each adding 1,000,000 to a shared counter without a lock"
                    + " lose updates (median lost per trial at least 1)", new ClaimRange(1, 2_000_000, Unit.COUNT), "%race",
                    r -> lessonRace(r).flatMap(x -> x.outcome(RaceVariant.NATIVE_VOLATILE).or(() -> x.outcome(RaceVariant.VOLATILE)))
                            .map(RaceOutcome::lostUpdateSamples).map(Measurement::median),
                    (v, env, result) -> "the two threads rarely ran at the same moment: with " + env.cpus() + " CPUs"
                            + " shared with other work, one loop often finished before the other started (see the"
                            + " overlap count); more increments (-N) or workers (-w) make them meet"),
            new Claim("race-processes", "3. Memory", "child processes each increment their own copy: the parent's counter"
                    + " stays 0", new ClaimRange(0, 0, Unit.COUNT), "%race",
                    r -> r instanceof RaceResult x ? x.outcome(RaceVariant.NATIVE_PROCESSES).or(() -> x.outcome(RaceVariant.PROCESSES))
                            .filter(o -> o.parentCounter().isPresent())
                            .map(o -> Measurement.median(Samples.of("parent's counter", Unit.UPDATES,
                                    new double[] {o.parentCounter().getAsLong()})))
                            : Optional.empty(),
                    (v, env, result) -> "the parent's copy changed, so memory was shared: this would be a bug in the experiment"),
            new Claim("ipc-threads", "6. Communication", "threads pass a small message in nanoseconds: under 1 µs one way",
                    new ClaimRange(0.001, 1, Unit.MICROSECONDS), "%ipc", transport("thread-spin", "thread-handoff"),
                    (v, env, result) -> spinningThreadsMeasured(result)
                            ? "the spinning receiver did not have a CPU of its own all the time (its peer or another"
                            + " program was running there), so each message waited until it was scheduled again"
                            : "a hand-off that blocks wakes the other thread through the kernel (futex, scheduler),"
                            + " which costs microseconds; the nanoseconds are a cache line moving between two threads"
                            + " that are already running, as a spinning hand-off shows"),
            ipcClaim("pipe"), ipcClaim("unix-socket"), ipcClaim("tcp-loopback"),
            new Claim("ipc-shared-memory", "6. Communication", "processes talk in microseconds to milliseconds (1 µs –"
                    + " 1 ms one way), measured here through shared memory, one of the IPC channels the lesson lists", new ClaimRange(1, 1000, Unit.MICROSECONDS), "%ipc",
                    transport("shared-memory"), (v, env, result) -> v == Verdict.BELOW
                            ? "shared memory with spinning leaves the kernel out of every message, so processes talk as fast"
                            + " as threads; the lesson's range is for kernel-mediated channels"
                            : "the reader sleeps between messages and is woken through the kernel, as with a pipe")),
            Stream.concat(ScaleClaims.ALL.stream(), StackClaims.ALL.stream())).toList();

    private static Claim ipcClaim(String transport) {
        return new Claim("ipc-" + transport, "6. Communication", "processes talk through a " + transport.replace('-', ' ')
                + " in microseconds to milliseconds: 1 µs – 1 ms one way", new ClaimRange(1, 1000, Unit.MICROSECONDS),
                "%ipc", transport(transport), (v, env, result) -> v == Verdict.BELOW
                        ? "both sides were awake on separate CPUs, so a message is a system call each way and no sleep"
                        : "each message wakes a sleeping peer through the scheduler" + (virtualised(env)
                        ? ", and in a virtual machine a wake-up across CPUs takes an inter-processor interrupt" : ""));
    }

    /** Whether the ipc-threads claim was answered by thread-spin (see {@link #transport}). */
    private static boolean spinningThreadsMeasured(Object r) {
        return r instanceof IpcResult x && x.transports().stream()
                .anyMatch(t -> t.transport().equals("thread-spin") && !t.points().isEmpty());
    }

    /** The first of {@code words} measured, on two CPUs when it was measured there, else its first placement. */
    private static Function<Object, Optional<Measurement>> transport(String... words) {
        return r -> r instanceof IpcResult x ? Stream.of(words).<TransportResult>flatMap(w -> x.transport(w, "two-cpus")
                        .or(() -> x.transports().stream().filter(t -> t.transport().equals(w)).findFirst()).stream())
                .filter(t -> !t.points().isEmpty()).findFirst()
                .map(TransportResult::oneWaySmallest).map(Measurement::median) : Optional.empty();
    }

    /** A race result with the lesson's own sizes, 2 workers × 1,000,000. */
    private static Optional<RaceResult> lessonRace(Object r) {
        return r instanceof RaceResult x && x.config().workers() == 2 && x.config().increments() == 1_000_000
                ? Optional.of(x) : Optional.empty();
    }

    /** Claims answered by reading the system and how far the session got, rather than by an interval. */
    public static final List<Fact> FACTS = Facts.ALL;

    /** The catalogue entry with this id. */
    public static Optional<Claim> byId(String id) {
        return ALL.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    private static Claim cost(String id, String statement, double lowMicros, double highMicros,
                              Function<Object, Optional<Measurement>> measurement, Claim.Cause cause) {
        return new Claim(id, "4. Cost", statement, new ClaimRange(lowMicros, highMicros, Unit.MICROSECONDS), "%spawn",
                measurement, cause);
    }

    private static Function<Object, Optional<Measurement>> variant(CostVariant variant) {
        return r -> r instanceof CostResult c ? c.of(variant).filter(s -> s.size() > 0).map(Measurement::median) : Optional.empty();
    }

    static boolean virtualised(Environment env) {
        return org.forklab.magics.MachineFacts.hypervisor();
    }

    private static String forkCause(Verdict v, Environment env) {
        if (v == Verdict.BELOW) {
            return "copy-on-write makes fork copy page tables, not pages, and a small parent (like the probe) has few"
                    + " of them; the lesson's figure is for a typical, larger parent";
        }
        return "fork copies the parent's page tables, so cost grows with mapped memory; "
                + (virtualised(env) ? "in this virtual machine each page-table update can exit to the hypervisor; " : "")
                + "page size " + env.pageSize() / 1024 + " KB and transparent huge pages '" + env.transparentHugePages()
                + "' set how many entries there are";
    }

    private static String threadCause(Verdict v, Environment env, Object result) {
        if (v == Verdict.BELOW) {
            return "glibc caches thread stacks, so a thread started after another one ended reuses its stack and skips"
                    + " the mmap that a cold start pays (see the cold samples)";
        }
        if (result instanceof CostResult c && !"none".equals(c.settings().find(CostSetting.PINNED_CPU).orElse("none"))) {
            // Pinned, the new thread usually waits for its creator to block in join: two switches on one CPU.
            return "thread start includes clone and stack set-up, and pinned to one CPU (as here) the new thread typically runs"
                    + " only when its creator blocks in join, so each start also pays two context switches"
                    + (virtualised(env) ? " in a virtual machine" : "");
        }
        return "thread start includes clone, stack set-up and a wake-up of the new thread on a CPU; with "
                + env.cpus() + " CPUs" + (virtualised(env) ? " in a virtual machine" : "")
                + " the scheduler's placement decides how soon it runs";
    }
}
