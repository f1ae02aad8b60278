package org.forklab.experiments.cost;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import org.forklab.experiments.core.ChildResult;
import org.forklab.experiments.core.Samples;
import org.forklab.experiments.core.SamplesJson;
import org.forklab.experiments.nativeprobe.ProbeRun;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The "samples" line a child JVM of this experiment prints, with the fields the native probe
 * prints ({@link SamplesJson}), so the parent reads both alike.
 */
final class ChildJvmLines {
    private static final Gson GSON = new Gson();

    private ChildJvmLines() {
    }

    static JsonObject line(Samples s) {
        JsonObject line = new JsonObject();
        line.addProperty("type", "samples");
        SamplesJson.write(s).entrySet().forEach(e -> line.add(e.getKey(), e.getValue()));
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
