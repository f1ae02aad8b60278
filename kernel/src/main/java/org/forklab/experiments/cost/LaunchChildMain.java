package org.forklab.experiments.cost;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import org.forklab.experiments.core.Sampler;
import org.forklab.experiments.core.Samples;
import org.forklab.experiments.core.SamplingPlan;

import java.time.Duration;
import java.util.Arrays;

/**
 * A child JVM that times ProcessBuilder under the launch mechanism it was started with
 * (-Djdk.lang.Process.launchMechanism=...), so mechanisms can be compared without changing the
 * caller's own JVM. Prints one JSON "samples" line.
 *
 * <p>Arguments: program samples coldOps warmupOps limitMillis
 */
public final class LaunchChildMain {
    private LaunchChildMain() {
    }

    public static void main(String[] args) throws Exception {
        String program = args[0];
        SamplingPlan plan = new SamplingPlan(Integer.parseInt(args[2]), Integer.parseInt(args[3]),
                Integer.parseInt(args[1]), 1, Duration.ofNanos(20_000), Duration.ofMillis(Long.parseLong(args[4])));
        Samples s = Sampler.measure("ProcessBuilder", plan, JavaLaunch.processBuilder(program));
        Gson gson = new Gson();
        JsonObject line = new JsonObject();
        line.addProperty("type", "samples");
        line.addProperty("name", "ProcessBuilder");
        line.addProperty("unit", s.unit());
        line.addProperty("ops_per_sample", s.opsPerSample());
        line.add("cold", gson.toJsonTree(Arrays.stream(s.cold()).boxed().toList()));
        line.add("values", gson.toJsonTree(Arrays.stream(s.values()).boxed().toList()));
        line.addProperty("mechanism", System.getProperty("jdk.lang.Process.launchMechanism", "default"));
        System.out.println(gson.toJson(line));
    }
}
