package org.forklab.experiments.cost;

import com.google.gson.JsonObject;
import org.forklab.experiments.core.ChildResult;
import org.forklab.experiments.core.ChildSpec;
import org.forklab.experiments.core.Children;
import org.forklab.experiments.core.Deadline;
import org.forklab.experiments.core.ExperimentTimeoutException;
import org.forklab.experiments.core.JavaChild;
import org.forklab.experiments.core.Samples;
import org.forklab.experiments.core.SamplesJson;
import org.forklab.experiments.cost.CostResult.ForkRun;
import org.forklab.experiments.cost.CostResult.LaunchRun;
import org.forklab.experiments.cost.CostResult.VariantSamples;
import org.forklab.experiments.nativeprobe.ProbeFailedException;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Java variants measured in fresh child JVMs ({@link ChildJvmMain}): forks, one after another,
 * each with its own warm-up, cold operations and samples, and one JVM per JDK launch mechanism
 * compared. Under one-cpu placement every child is started as {@code taskset -c CPU java ...}
 * (argv words, no shell), so the JVM and every thread and process it creates stay on that CPU;
 * this JVM, which may be a notebook's kernel, is never pinned.
 */
final class ChildJvms {
    static final String NO_TASKSET = "pinning a JVM to one CPU needs taskset from util-linux, which is not on the"
            + " PATH; install util-linux or use placement scheduler";
    /** Below this much time left, a child that failed most likely met its own copy of our limit. */
    private static final long NEARLY_OUT_NANOS = 200_000_000L;

    private ChildJvms() {
    }

    /** The words before {@code java} that start a child on the pinned CPU; none when nothing is pinned. */
    static List<String> pinPrefix(Optional<Path> taskset, OptionalInt cpu) {
        if (cpu.isEmpty()) {
            return List.of();
        }
        return List.of(taskset.orElseThrow(() -> new IllegalStateException(NO_TASKSET)).toString(), "-c",
                String.valueOf(cpu.getAsInt()));
    }

    /** Runs {@code c.javaForks()} child JVMs and keeps each one's samples apart, pooled only for the summary row. */
    static List<VariantSamples> measure(List<CostVariant> variants, CostConfig c, List<String> prefix, OptionalInt cpu,
                                        Deadline deadline) throws IOException, InterruptedException {
        int n = c.javaForks();
        Map<CostVariant, List<ForkRun>> runs = new EnumMap<>(CostVariant.class);
        for (int fork = 1; fork <= n; fork++) {
            ChildResult r = runChild(prefix, List.of(), c, variants, deadline);
            String which = "child JVM " + fork + " of " + n;
            if (!r.succeeded()) {
                throw new IllegalStateException(which + " failed: " + failure(r));
            }
            List<JsonObject> lines = ChildJvmLines.samplesLines(r);
            if (lines.size() != variants.size()) {
                throw new IllegalStateException(which + " printed " + lines.size() + " samples lines for "
                        + variants.size() + " variants");
            }
            for (JsonObject line : lines) {
                CostVariant v = CostVariant.parse(line.get("variant").getAsString());
                String allowed = line.get("cpus_allowed").getAsString();
                if (cpu.isPresent() && !allowed.equals(String.valueOf(cpu.getAsInt()))) {
                    throw new IllegalStateException(which + " was started under taskset -c " + cpu.getAsInt()
                            + " but may use CPUs " + allowed + ": the pin did not hold");
                }
                runs.computeIfAbsent(v, k -> new ArrayList<>()).add(new ForkRun(fork, line.get("pid").getAsLong(),
                        line.get("cpu").getAsInt(), allowed,
                        SamplesJson.read(line, CostExperiment.label(v, c) + ", child JVM " + fork)));
            }
        }
        String where = n == 1 ? " (child JVM)" : " (" + n + " child JVMs, pooled)";
        return variants.stream().map(v -> VariantSamples.pooled(v, CostExperiment.label(v, c) + where, runs.get(v)))
                .toList();
    }

    /** ProcessBuilder under one launch mechanism in a child JVM started with it (pinned like the Java variants). */
    static LaunchRun launchMechanism(String mechanism, CostConfig c, List<String> prefix, Deadline deadline)
            throws IOException, InterruptedException {
        ChildResult r = runChild(prefix,
                List.of("-Djdk.lang.Process.launchMechanism=" + mechanism, "-XX:TieredStopAtLevel=1", "-Xss512k"),
                c, List.of(CostVariant.PROCESS_BUILDER), deadline);
        List<String> errors = r.stderrTail().lines().filter(l -> !l.isBlank()).toList();
        if (!r.succeeded()) {
            String reason = errors.stream().filter(l -> l.contains("launch mechanism")).findFirst()
                    .map(l -> l.replaceFirst("^Exception in thread \"main\" ", ""))
                    .orElse(failure(r));
            return new LaunchRun(mechanism, Optional.empty(), Optional.empty(), Optional.of(reason));
        }
        JsonObject line = ChildJvmLines.samplesLines(r).stream().findFirst()
                .orElseThrow(() -> new ProbeFailedException("the launch child printed no samples"));
        Samples s = SamplesJson.read(line, "ProcessBuilder start+waitFor " + c.execPath()
                + " (launchMechanism=" + mechanism + ", child JVM)");
        // A JDK that runs the mechanism but warns (JDK 23+ on VFORK) prints a short paragraph: keep it as one line.
        Optional<String> warning = errors.isEmpty() ? Optional.empty()
                : Optional.of(String.join(" ", errors.subList(0, Math.min(4, errors.size()))));
        return new LaunchRun(mechanism, Optional.of(s), warning, Optional.empty());
    }

    /**
     * One child JVM measuring {@code variants} in the time left. A failure just before our own limit
     * is reported as the time-out it is; any other failure is the caller's to describe.
     */
    static ChildResult runChild(List<String> prefix, List<String> jvmOptions, CostConfig c, List<CostVariant> variants,
                                Deadline deadline) throws IOException, InterruptedException {
        deadline.check();
        long remainingMs = Math.max(1, deadline.remainingNanos() / 1_000_000);
        List<String> command = new ArrayList<>(prefix);
        command.addAll(JavaChild.command(ChildJvmMain.class, jvmOptions,
                List.of(ChildJvmMain.plan(c, variants, remainingMs))));
        // The child stops itself at remainingMs; the two seconds more are for a JVM to start and exit.
        ChildResult r = Children.run(ChildSpec.of(command, Duration.ofMillis(remainingMs + 2_000)));
        deadline.check();
        if (!r.succeeded() && deadline.remainingNanos() < NEARLY_OUT_NANOS) {
            throw new ExperimentTimeoutException(deadline.limit());
        }
        return r;
    }

    /** How a child JVM failed, in one line: the last exception it reported, else how it ended. */
    static String failure(ChildResult r) {
        return r.stderrTail().lines().map(String::strip)
                .filter(l -> l.startsWith("Exception in thread") || l.startsWith("Caused by:") || l.startsWith("Error:"))
                .reduce((first, last) -> last)
                .map(l -> l.replaceFirst("^Exception in thread \"main\" ", ""))
                .orElseGet(() -> r.describeFailure().lines().findFirst().orElse("it failed"));
    }
}
