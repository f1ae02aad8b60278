package org.forklab.magics.claims;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.forklab.experiments.core.Samples;
import org.forklab.experiments.scale.NativeStacks;
import org.forklab.stats.ClaimRange;
import org.forklab.stats.Unit;
import org.forklab.stats.Verdict;
import org.forklab.stats.format.Units;

/**
 * The lesson's stack claims, judged against native threads (pthreads with default attributes,
 * measured by the C probe), because that is what they describe: glibc sizes a thread's stack
 * from RLIMIT_STACK. A Java platform thread's stack follows the JVM's own -Xss default (1 MiB on
 * x86-64 Linux); %scale measures it and it is shown beside these claims, not as their verdict.
 */
final class StackClaims {
    static final String SECTION = "7. Resources and scale";
    static final String MAGIC = "%claims (the C probe measures idle pthreads)";

    private StackClaims() {
    }

    static final List<Claim> ALL = List.of(
            stack("thread-stack-virtual", "a thread reserves an 8 MB stack (virtual)", 8, 8, Unit.MEBIBYTES,
                    NativeStacks::virtualBytes, (v, n) -> "glibc sizes a new thread's stack from RLIMIT_STACK (ulimit -s),"
                            + " here " + limit(n) + "; a changed ulimit -s changes every default-sized pthread stack"),
            stack("thread-stack-resident", "a new thread's stack occupies only 4–12 KB of memory at first", 4, 12,
                    Unit.KIBIBYTES, NativeStacks::residentBytes, (v, n) -> v == Verdict.ABOVE
                            ? "more of each stack was touched than its first frames: glibc keeps the thread's own"
                            + " control block and thread-local storage at the top of the stack mapping"
                            : "an idle thread touches only the page or two that hold its first frames"),
            stack("thread-stack-range", "a thread's stack is sized between 64 KB and 8 MB (virtual)", 64, 8192,
                    Unit.KIBIBYTES, NativeStacks::virtualBytes, (v, n) -> "RLIMIT_STACK (ulimit -s) is " + limit(n)
                            + " here, outside the usual range, and glibc sizes default pthread stacks from it"));

    /** How a stack verdict other than WITHIN is explained, from the native measurement. */
    @FunctionalInterface
    interface Cause {
        String explain(Verdict verdict, NativeStacks stacks);
    }

    private static Claim stack(String id, String statement, double low, double high, Unit unit,
                               Function<NativeStacks, Samples> samples, Cause cause) {
        return new Claim(id, SECTION, statement, new ClaimRange(low, high, unit), MAGIC,
                r -> r instanceof NativeStacks n ? Optional.of(Measurement.median(samples.apply(n))) : Optional.empty(),
                (v, env, result) -> cause.explain(v, (NativeStacks) result));
    }

    private static String limit(NativeStacks n) {
        return n.rlimitStackBytes() < 0 ? "unlimited (glibc then uses its own default)"
                : Units.format(n.rlimitStackBytes(), Unit.BYTES);
    }
}
