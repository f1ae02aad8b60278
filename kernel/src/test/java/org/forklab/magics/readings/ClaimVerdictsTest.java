package org.forklab.magics.readings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClaimVerdictsTest {

    @Test
    void noClaimNoSentence() {
        assertTrue(ClaimVerdicts.verdict(List.of()).isEmpty());
        assertTrue(ClaimVerdicts.cause(List.of()).isEmpty());
    }

    @Test
    void withinSaysTheClaimHoldsWithTheValue() {
        String s = ClaimVerdicts.verdict(List.of(Synthetic.outcome("pthread", 2, 10, 5, 4.8, 5.2))).orElseThrow();
        assertTrue(s.startsWith("the lesson's claim holds here: 5.00 µs (95 % CI 4.80–5.20 µs), inside range 2.00–10.0 µs"), s);
    }

    @Test
    void aboveAndBelowNameTheClaimTheValueAndTheCause() {
        var above = List.of(Synthetic.outcome("fork", 50, 100, 400, 390, 410));
        String s = ClaimVerdicts.verdict(above).orElseThrow();
        assertTrue(s.contains("fork measured 400 µs"), s);
        assertTrue(s.contains("above the claimed range 50.0–100 µs"), s);
        assertEquals("likely cause: fork cause", ClaimVerdicts.cause(above).orElseThrow());
        String below = ClaimVerdicts.verdict(List.of(Synthetic.outcome("exec", 200, 500, 90, 85, 95))).orElseThrow();
        assertTrue(below.contains("below the claimed range"), below);
    }

    @Test
    void overlappingCannotBeDecided() {
        String s = ClaimVerdicts.verdict(List.of(Synthetic.outcome("pool", 0.1, 1, 0.9, 0.5, 1.5))).orElseThrow();
        assertTrue(s.contains("pool cannot be decided yet"), s);
        assertTrue(ClaimVerdicts.cause(List.of(Synthetic.outcome("pool", 0.1, 1, 0.9, 0.5, 1.5))).isEmpty());
    }

    @Test
    void manyClaimsAreCountedAndTheCauseNamesItsClaim() {
        var mixed = List.of(Synthetic.outcome("a", 1, 2, 1.5, 1.4, 1.6), Synthetic.outcome("b", 1, 2, 9, 8, 10),
                Synthetic.outcome("c", 1, 2, 0.1, 0.09, 0.11), Synthetic.outcome("d", 1, 2, 5, 4, 6));
        String s = ClaimVerdicts.verdict(mixed).orElseThrow();
        assertTrue(s.startsWith("against the lesson's 4 claims measured here: one holds (a); b measured"), s);
        assertTrue(s.contains("1 more outside their ranges"), s);
        assertEquals("likely cause for b: b cause", ClaimVerdicts.cause(mixed).orElseThrow());
    }
}
