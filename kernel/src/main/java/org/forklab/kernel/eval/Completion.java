package org.forklab.kernel.eval;

import java.util.List;

/** Completion candidates and the cell range [start, end) they replace. */
public record Completion(List<String> matches, int start, int end) {
    public Completion {
        matches = List.copyOf(matches);
    }
}
