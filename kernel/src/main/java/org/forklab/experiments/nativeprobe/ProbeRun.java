package org.forklab.experiments.nativeprobe;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import org.forklab.experiments.core.ChildResult;
import org.forklab.experiments.core.Samples;
import org.forklab.experiments.core.SamplesJson;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One run of the probe: its JSON lines, in order, and how the process ended.
 *
 * @param lines every stdout line, parsed (each has a "type" field: "samples", "version", ...)
 * @param child the process result (exit status, signal, time-out, stderr tail)
 */
public record ProbeRun(List<JsonObject> lines, ChildResult child) {

    public ProbeRun {
        lines = List.copyOf(lines);
    }

    private static final Gson GSON = new Gson();

    /** Parses each stdout line as a JSON object; a line that is not one is a probe bug and fails loudly. */
    public static ProbeRun parse(ChildResult child) {
        List<JsonObject> parsed = new ArrayList<>();
        for (String line : child.stdoutLines()) {
            if (line.isBlank()) {
                continue;
            }
            try {
                JsonElement e = GSON.fromJson(line, JsonElement.class);
                if (e == null || !e.isJsonObject()) {
                    throw new JsonParseException("not an object");
                }
                parsed.add(e.getAsJsonObject());
            } catch (JsonParseException e) {
                // A line cut off by a kill at the time limit is expected; anything else is a bug.
                if (child.succeeded()) {
                    throw new ProbeFailedException("the native probe printed a line that is not a JSON object: "
                            + (line.length() > 120 ? line.substring(0, 120) + "..." : line));
                }
            }
        }
        return new ProbeRun(parsed, child);
    }

    public boolean succeeded() {
        return child.succeeded();
    }

    /** This run, or a {@link ProbeFailedException} whose message is the probe's own error line. */
    public ProbeRun requireSuccess() {
        if (!child.succeeded()) {
            String own = child.stderrTail().lines().filter(l -> l.startsWith("forklab-probe: "))
                    .reduce((a, b) -> b).map(l -> l.substring("forklab-probe: ".length())).orElse(null);
            throw new ProbeFailedException(own != null && !child.timedOut() ? own : child.describeFailure());
        }
        return this;
    }

    /** The lines of one type, in order. */
    public List<JsonObject> ofType(String type) {
        return lines.stream().filter(o -> o.has("type") && type.equals(o.get("type").getAsString())).toList();
    }

    public Optional<JsonObject> first(String type) {
        return ofType(type).stream().findFirst();
    }

    /** Every "samples" line as {@link Samples}, labelled by its "name". */
    public List<Samples> samples() {
        return ofType("samples").stream().map(SamplesJson::read).toList();
    }
}
