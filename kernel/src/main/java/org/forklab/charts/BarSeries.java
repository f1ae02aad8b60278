package org.forklab.charts;

import java.util.List;

/** The bars of one series (one colour) across categories, e.g. "threads" over 1, 2, 4, 8 workers. */
public record BarSeries(String label, List<Bar> bars) {

    public BarSeries {
        if (label == null || bars == null || bars.isEmpty()) {
            throw new IllegalArgumentException("a bar series needs a label and at least one bar");
        }
        bars = List.copyOf(bars);
    }
}
