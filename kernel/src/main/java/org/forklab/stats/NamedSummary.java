package org.forklab.stats;

/** A summary with the name of the condition it was measured under (a table row, a box). */
public record NamedSummary(String condition, Summary summary) {

    public NamedSummary {
        if (condition == null || summary == null) {
            throw new IllegalArgumentException("condition and summary must both be given");
        }
    }
}
