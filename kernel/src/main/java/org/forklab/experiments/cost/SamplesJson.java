package org.forklab.experiments.cost;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import org.forklab.experiments.core.ChildResult;
import org.forklab.experiments.core.Samples;
import org.forklab.experiments.nativeprobe.ProbeRun;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The "samples" line a child JVM of this experiment prints, with the fields the native probe
 * prints, so the parent reads both with {@link ProbeRun#toSamples}.
 */
final class SamplesJson {
    private static final Gson GSON = new Gson();

    private SamplesJson() {
    }

    static JsonObject line(Samples s) {
        JsonObject line = new JsonObject();
        line.addProperty("type", "samples");
        line.addProperty("name", s.label());
        line.addProperty("unit", s.unit());
        line.addProperty("ops_per_sample", s.opsPerSample());
        line.add("cold", GSON.toJsonTree(Arrays.stream(s.cold()).boxed().toList()));
        line.add("values", GSON.toJsonTree(Arrays.stream(s.values()).boxed().toList()));
        return line;
    }

    static void print(JsonObject line) {
        System.out.println(GSON.toJson(line));
    }

    /**
     * The "samples" lines of a child JVM that ended well. Only lines that open a JSON object are
     * read: the JVM itself may write a warning to standard output.
     */
    static List<JsonObject> samplesLines(ChildResult r) {
        ChildResult jsonOnly = new ChildResult(r.command(), r.exitCode(), r.timedOut(),
                r.stdoutLines().stream().filter(l -> l.startsWith("{")).collect(Collectors.joining("\n")), "",
                r.elapsedNanos());
        return ProbeRun.parse(jsonOnly).ofType("samples");
    }
}
