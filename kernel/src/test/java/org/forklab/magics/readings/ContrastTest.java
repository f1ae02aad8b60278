package org.forklab.magics.readings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.forklab.magics.readings.Contrast.Kind;
import org.forklab.magics.readings.Contrast.Measure;
import org.forklab.magics.readings.Contrast.Side;
import org.junit.jupiter.api.Test;

class ContrastTest {

    @Test
    void clearlyCheaperNamesTheLargerSideAndTheRatioWithItsInterval() {
        Contrast.Outcome o = Contrast.of(Side.of("thread", Synthetic.ns("t", Synthetic.around(5_000, 40))),
                Side.of("fork", Synthetic.ns("f", Synthetic.around(500_000, 40))), Measure.TIME, null);
        assertEquals(Kind.CLEARLY_DIFFERENT, o.kind());
        assertEquals("fork", o.larger().orElseThrow());
        assertTrue(o.sentence().startsWith("fork takes 100× as long as thread (95 % CI "), o.sentence());
        assertTrue(o.sentence().contains("; medians 500 µs and 5.00 µs)"), o.sentence());
    }

    @Test
    void sameDistributionGivesNoDetectableDifference() {
        Contrast.Outcome o = Contrast.of(Side.of("run 1", Synthetic.ns("a", Synthetic.around(1_000, 41))),
                Side.of("run 2", Synthetic.ns("b", Synthetic.around(1_000, 41))), Measure.TIME, null);
        assertEquals(Kind.NO_DETECTABLE_DIFFERENCE, o.kind());
        assertTrue(o.sentence().startsWith("no detectable difference between run 1 and run 2"), o.sentence());
    }

    @Test
    void twoClustersAreSaidInsteadOfARatio() {
        Contrast.Outcome o = Contrast.of(Side.of("pipe", Synthetic.ns("p", Synthetic.twoClusters(2_000, 20_000, 60))),
                Side.of("thread", Synthetic.ns("t", Synthetic.around(500, 60))), Measure.TIME, "the two sides changed CPUs");
        assertEquals(Kind.BIMODAL, o.kind());
        assertTrue(o.sentence().startsWith("pipe fell in two clusters, near "), o.sentence());
        // both sides of the ratio are named, the larger first, with their medians
        assertTrue(o.sentence().contains(", so the ratio of medians of pipe to thread ("), o.sentence());
        assertTrue(o.sentence().contains("; medians "), o.sentence());
        assertTrue(o.sentence().endsWith("likely cause: the two sides changed CPUs"), o.sentence());
    }

    @Test
    void aMissingSideIsNotCompared() {
        Contrast.Outcome o = Contrast.of(Side.of("virtual thread", null),
                Side.of("fork", Synthetic.ns("f", Synthetic.around(500_000, 40))), Measure.TIME, null);
        assertEquals(Kind.NOT_MEASURED, o.kind());
        assertEquals("virtual thread was not measured in this run, so the two cannot be compared", o.sentence());
        assertEquals(Kind.NOT_MEASURED, Contrast.of(Side.missing("a"), Side.missing("b"), Measure.TIME, null).kind());
    }
}
