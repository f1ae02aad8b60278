package org.forklab.widgets;

import com.google.gson.JsonElement;

/** Checks an index (or each of a list of them) into a list of {@code size} options. */
final class Indices {
    private Indices() {
    }

    static void check(JsonElement value, int size) {
        if (value.isJsonArray()) {
            value.getAsJsonArray().forEach(e -> check(e, size));
            return;
        }
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isNumber()
                || value.getAsDouble() != Math.rint(value.getAsDouble())) {
            throw new RefusedValueException("expected an index, a whole number");
        }
        int i = value.getAsInt();
        if (i < 0 || i >= size) {
            throw new RefusedValueException("index out of range: accepted 0 to " + (size - 1));
        }
    }
}
