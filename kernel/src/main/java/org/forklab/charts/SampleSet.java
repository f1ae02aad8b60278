package org.forklab.charts;

/** Labelled samples, in the unit of the chart's {@link Quantity}. */
public record SampleSet(String label, double[] values) {

    public SampleSet {
        if (label == null || values == null || values.length == 0) {
            throw new IllegalArgumentException("a sample set needs a label and at least one value");
        }
        values = values.clone();
    }

    @Override
    public double[] values() {
        return values.clone();
    }
}
