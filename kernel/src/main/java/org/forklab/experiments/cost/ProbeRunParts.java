package org.forklab.experiments.cost;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/** The "part_values" of a probe samples line: the part of each sample an op timed within itself. */
final class ProbeRunParts {
    private ProbeRunParts() {
    }

    static double[] values(JsonObject line) {
        JsonArray a = line.getAsJsonArray("part_values");
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).getAsDouble();
        }
        return out;
    }
}
