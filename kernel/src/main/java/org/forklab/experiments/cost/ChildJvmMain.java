package org.forklab.experiments.cost;

import org.forklab.experiments.sandbox.ParentDeath;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.forklab.experiments.core.Caps;
import org.forklab.experiments.core.Cpus;
import org.forklab.experiments.core.Deadline;
import org.forklab.experiments.core.SystemFiles;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A fresh JVM that measures Java variants of the cost experiment with its own warm-up, cold
 * operations and samples. The parent starts one per fork (so the spread between JVMs, from JIT
 * decisions, heap layout and where the scheduler put them, is seen rather than hidden in one
 * JVM's figures), under taskset when the placement pins it, and one per JDK launch mechanism
 * (-Djdk.lang.Process.launchMechanism=...) so mechanisms are compared without changing the
 * caller's own JVM. Prints one JSON "samples" line per variant, with its pid and CPUs.
 *
 * <p>Argument: one JSON object, written by {@link #plan}.
 */
public final class ChildJvmMain {
    private static final Gson GSON = new Gson();

    private ChildJvmMain() {
    }

    /** The child's one argument: what to measure, how hard, and how long it may take. */
    static String plan(CostConfig c, List<CostVariant> variants, long limitMillis) {
        JsonObject plan = new JsonObject();
        JsonArray words = new JsonArray();
        variants.forEach(v -> words.add(v.word()));
        plan.add("variants", words);
        plan.addProperty("samples", c.samples());
        plan.addProperty("cold", c.coldOps());
        plan.addProperty("warmup", c.warmupOps());
        plan.addProperty("executor_threads", c.executorThreads());
        plan.addProperty("batch", c.throughputBatch());
        plan.addProperty("exec", c.execPath());
        plan.addProperty("max_threads", c.caps().maxThreads());
        plan.addProperty("limit_ms", limitMillis);
        return GSON.toJson(plan);
    }

    /** The plan back as a configuration that measures here: no sweep, no launch mechanisms, no forks. */
    static CostConfig config(JsonObject plan) {
        List<CostVariant> variants = new ArrayList<>();
        plan.getAsJsonArray("variants").forEach(w -> variants.add(CostVariant.parse(w.getAsString())));
        return CostConfig.defaults().withForkTouchBytes(List.of())
                .withCaps(new Caps(plan.get("max_threads").getAsLong(), 0, 0, 0))
                .withVariants(variants).withSamples(plan.get("samples").getAsInt())
                .withColdOps(plan.get("cold").getAsInt()).withWarmupOps(plan.get("warmup").getAsInt())
                .withExecutorThreads(plan.get("executor_threads").getAsInt())
                .withThroughputBatch(plan.get("batch").getAsInt()).withExecPath(plan.get("exec").getAsString());
    }

    public static void main(String[] args) throws Exception {
        ParentDeath.watch(); // never outlive the kernel, even one killed outright
        JsonObject plan = GSON.fromJson(args[0], JsonObject.class);
        CostConfig config = config(plan);
        // The parent's remaining time, so a child never outlasts the run that started it.
        Deadline deadline = Deadline.after(Duration.ofMillis(plan.get("limit_ms").getAsLong()));
        String allowed = SystemFiles.field("/proc/self/status", "Cpus_allowed_list").orElse("unknown");
        for (CostVariant v : config.variants()) {
            JsonObject line = ChildJvmLines.line(CostExperiment.measureHere(v, config, deadline));
            line.addProperty("variant", v.word());
            line.addProperty("pid", ProcessHandle.current().pid());
            line.addProperty("cpu", Cpus.current());
            line.addProperty("cpus_allowed", allowed);
            ChildJvmLines.print(line);
        }
    }
}
