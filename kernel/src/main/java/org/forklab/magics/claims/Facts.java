package org.forklab.magics.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Predicate;
import org.forklab.experiments.c10k.C10kConfig;
import org.forklab.experiments.c10k.C10kPoint;
import org.forklab.experiments.c10k.C10kResult;
import org.forklab.experiments.core.Limits;
import org.forklab.experiments.scale.ScaleConfig;
import org.forklab.experiments.scale.ScaleKind;
import org.forklab.experiments.scale.ScalePoint;
import org.forklab.experiments.scale.ScaleResult;
import org.forklab.stats.format.Units;

/**
 * The lesson's claims that are facts or typical practice rather than costs: the size of a
 * process's address space, how many threads and processes programs typically run, and the
 * C10K problem. Each answer sets this machine's hard limits next to how far the session got.
 */
public final class Facts {
    private static final String SCALE = "7. Resources and scale";
    /** The magic of a fact that is only shown beside claims: %claims gives no "run ..." hint for it. */
    public static final String BESIDE = "";

    private Facts() {
    }

    public static final List<Fact> ALL = List.of(
            new Fact("address-space", "3. Memory", "each 64-bit process has a virtual address space of its own, about"
                    + " 128 TB (the source also says 256 TB)", "%env", c -> Optional.of(c.addressSpace().sentence())),
            new Fact("typical-threads", SCALE, "a program typically runs at most 1,000–10,000 threads", "%scale or %c10k",
                    Facts::threads),
            new Fact("typical-processes", SCALE, "a machine typically runs at most 100–1,000 processes of one program",
                    "%scale", Facts::processes),
            new Fact("c10k", SCALE, "holding 10,000 connections at once (the C10K problem) strains a thread per"
                    + " connection, while one event loop holds them all", "%c10k -k 100,1000,10000", Facts::c10k),
            // shown beside the native stack claims, never as their verdict; no hint while %scale has not run
            new Fact("java-thread-stack", SCALE, "a Java platform thread's stack, beside the native stack claims (the"
                    + " JVM's own -Xss default, not glibc's)", BESIDE, Facts::javaStack));

    /**
     * Sentences of the facts that {@code result} itself answers (typical counts after %scale, C10K
     * after %c10k), for the experiment's own display; facts the machine answers alone are left to %claims.
     */
    public static List<String> answeredBy(Object result, Limits limits) {
        Fact.Context none = new Fact.Context(List.of(), limits, AddressSpace.read());
        Fact.Context with = new Fact.Context(List.of(result), limits, none.addressSpace());
        List<String> out = new ArrayList<>();
        for (Fact f : ALL) {
            if (f.answer().of(none).isEmpty()) {
                f.sentence(with).ifPresent(out::add);
            }
        }
        return out;
    }

    /** The catalogue entry with this id. */
    public static Optional<Fact> byId(String id) {
        return ALL.stream().filter(f -> f.id().equals(id)).findFirst();
    }

    private static Optional<String> threads(Fact.Context c) {
        long scaled = reached(c, ScaleConfig.PLATFORM::equals);
        long held = c10kPoints(c).stream().filter(p -> p.server().equals(C10kConfig.THREADS))
                .mapToLong(C10kPoint::clients).max().orElse(0);
        if (scaled == 0 && held == 0) {
            return Optional.empty();
        }
        List<String> got = new ArrayList<>();
        if (scaled > 0) {
            got.add(count(scaled) + " platform threads at once (%scale)");
        }
        if (held > 0) {
            got.add(count(held) + " connections with a thread each (%c10k)");
        }
        Limits l = c.limits();
        return Optional.of(ceiling(l.threadsMax(), "threads-max", l) + "; this session ran " + String.join(" and ", got)
                + ", " + against(Math.max(scaled, held), 1_000, 10_000) + typicalPractice());
    }

    private static Optional<String> processes(Fact.Context c) {
        long scaled = reached(c, k -> k.equals(ScaleConfig.PROCESSES) || k.equals(ScaleConfig.FORKED));
        if (scaled == 0) {
            return Optional.empty();
        }
        Limits l = c.limits();
        return Optional.of(ceiling(l.pidMax(), "pid_max", l) + "; this session held " + count(scaled)
                + " idle processes at once (%scale), " + against(scaled, 100, 1_000) + typicalPractice());
    }

    private static Optional<String> c10k(Fact.Context c) {
        List<C10kPoint> points = c10kPoints(c);
        if (points.isEmpty()) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        int most = 0;
        for (String server : C10kConfig.SERVERS) {
            Optional<C10kPoint> largest = points.stream().filter(p -> p.server().equals(server))
                    .max((a, b) -> Integer.compare(a.clients(), b.clients()));
            if (largest.isPresent()) {
                C10kPoint p = largest.get();
                most = Math.max(most, p.clients());
                double perConnection = (double) (p.held().rssBytes() - p.idle().rssBytes()) / p.clients();
                parts.add(String.format(Locale.ROOT, "%s held %s connections with %s server threads and %s resident"
                        + " per connection", server, count(p.clients()), count(p.held().threads()),
                        Units.format(Math.max(0, perConnection), org.forklab.stats.Unit.BYTES)));
            }
        }
        String reach = most >= 10_000 ? "10,000 connections were reached here"
                : "the claim is about 10,000 connections and this session reached " + count(most)
                + "; run %c10k -k 10000 (raise --max-threads if the safety cap refuses)";
        return Optional.of(String.join("; ", parts) + "; " + reach);
    }

    private static Optional<String> javaStack(Fact.Context c) {
        return c.newestFirst().stream().filter(ScaleResult.class::isInstance).map(ScaleResult.class::cast)
                .map(r -> slope(r, "stack virtual").flatMap(v -> slope(r, "stack resident").map(res -> "in %scale each"
                        + " platform thread reserved " + Units.format(v, org.forklab.stats.Unit.BYTES) + " and had "
                        + Units.format(res, org.forklab.stats.Unit.BYTES) + " resident ("
                        + (r.config().threadStackBytes() == 0 ? "the JVM's default -Xss"
                        : "--stack " + Units.format(r.config().threadStackBytes(), org.forklab.stats.Unit.BYTES)) + ")")))
                .flatMap(Optional::stream).findFirst();
    }

    /** The least-squares slope per platform thread of one quantity, if measured at three counts or more. */
    private static Optional<Double> slope(ScaleResult r, String quantity) {
        return r.series().stream().filter(s -> s.kind().equals(ScaleConfig.PLATFORM) && s.quantity().equals(quantity)
                && s.x().length >= 3).findFirst().map(s -> s.fit().slope());
    }

    /** The largest count of any scale kind matching {@code kind} in the session, 0 if none. */
    private static long reached(Fact.Context c, Predicate<String> kind) {
        return c.newestFirst().stream().filter(ScaleResult.class::isInstance).map(ScaleResult.class::cast)
                .flatMap(r -> r.kinds().stream()).filter(k -> kind.test(k.kind()))
                .map(ScaleKind::points).flatMap(List::stream).mapToLong(ScalePoint::count).max().orElse(0);
    }

    private static List<C10kPoint> c10kPoints(Fact.Context c) {
        return c.newestFirst().stream().filter(C10kResult.class::isInstance).map(C10kResult.class::cast)
                .flatMap(r -> r.points().stream()).toList();
    }

    /** "this machine allows at most N (threads-max A, container pids.max B, RLIMIT_NPROC C)": the smallest wins. */
    private static String ceiling(long system, String name, Limits l) {
        long allowed = system;
        List<String> why = new ArrayList<>(List.of(name + " " + count(system)));
        allowed = lower(allowed, l.cgroupPidsMax(), "container pids.max", why);
        allowed = lower(allowed, l.rlimitNproc(), "RLIMIT_NPROC", why);
        return "this machine allows at most " + count(allowed) + " (" + String.join(", ", why) + ")";
    }

    private static long lower(long allowed, OptionalLong limit, String name, List<String> why) {
        if (limit.isPresent()) {
            why.add(name + " " + count(limit.getAsLong()));
            return Math.min(allowed, limit.getAsLong());
        }
        return allowed;
    }

    private static String against(long reached, long low, long high) {
        String where = reached < low ? "below" : reached > high ? "above" : "within";
        return where + " the typical " + count(low) + "–" + count(high);
    }

    private static String typicalPractice() {
        return "; the lesson's range is typical practice, not a limit: memory, scheduling and contention stop programs"
                + " well before the kernel's ceiling";
    }

    private static String count(long n) {
        return n == Long.MAX_VALUE ? "unlimited" : String.format(Locale.ROOT, "%,d", n);
    }
}
