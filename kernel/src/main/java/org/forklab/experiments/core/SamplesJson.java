package org.forklab.experiments.core;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.forklab.stats.Unit;

/**
 * The one JSON form of {@link Samples}: the fields the native probe prints on its "samples"
 * lines ({@code name, unit, ops_per_sample, cold, values}), which child JVMs print too and
 * {@code --save} files hold. Files saved before this form was shared named two fields
 * {@code condition} and {@code opsPerSample}; {@link #read(JsonObject)} still takes them.
 */
public final class SamplesJson {
    private SamplesJson() {
    }

    public static JsonObject write(Samples s) {
        JsonObject o = new JsonObject();
        o.addProperty("name", s.label());
        o.addProperty("unit", s.unit().word());
        o.addProperty("ops_per_sample", s.opsPerSample());
        o.add("cold", array(s.cold()));
        o.add("values", array(s.values()));
        return o;
    }

    /** Samples labelled by their own "name" (or an old file's "condition"). */
    public static Samples read(JsonObject o) {
        return read(o, (o.has("name") ? o.get("name") : o.get("condition")).getAsString());
    }

    /** Samples under a label of the caller's choice; an unknown unit word is refused ({@link Unit.UnknownUnitException}). */
    public static Samples read(JsonObject o, String label) {
        return new Samples(label, Unit.ofWord(o.get("unit").getAsString()), doubles(o.getAsJsonArray("values")),
                o.has("cold") ? doubles(o.getAsJsonArray("cold")) : new double[0],
                (o.has("ops_per_sample") ? o.get("ops_per_sample") : o.get("opsPerSample")).getAsInt());
    }

    private static JsonArray array(double[] values) {
        JsonArray a = new JsonArray();
        for (double v : values) {
            a.add(v);
        }
        return a;
    }

    private static double[] doubles(JsonArray array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).getAsDouble();
        }
        return out;
    }
}
