package org.forklab.experiments.core;

import java.util.Arrays;
import org.forklab.stats.Unit;

/**
 * Raw measurements of one condition, kept whole so that statistics and charts can be redone.
 *
 * @param label       what was measured, e.g. "platform thread start+join"
 * @param unit        the unit of every value, e.g. {@link Unit#NANOSECONDS} or {@link Unit#BYTES}
 * @param values      one value per warm sample, each already divided by {@code opsPerSample}
 * @param cold        the first operations of the run, timed one by one and kept apart
 * @param opsPerSample how many operations each warm sample timed together (batching)
 */
public record Samples(String label, Unit unit, double[] values, double[] cold, int opsPerSample) {

    public Samples {
        values = values.clone();
        cold = cold.clone();
        if (unit == null) {
            throw new IllegalArgumentException("samples of " + label + " need a unit");
        }
        if (opsPerSample < 1) {
            throw new IllegalArgumentException("opsPerSample must be at least 1");
        }
    }

    public static Samples of(String label, Unit unit, double[] values) {
        return new Samples(label, unit, values, new double[0], 1);
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    @Override
    public double[] cold() {
        return cold.clone();
    }

    public int size() {
        return values.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Samples s && label.equals(s.label) && unit == s.unit
                && Arrays.equals(values, s.values) && Arrays.equals(cold, s.cold) && opsPerSample == s.opsPerSample;
    }

    @Override
    public int hashCode() {
        return 31 * label.hashCode() + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "Samples[" + label + ", " + values.length + " values in " + unit + ", " + cold.length
                + " cold, " + opsPerSample + " ops/sample]";
    }
}
