package org.forklab.magics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.forklab.experiments.scale.ScaleConfig;
import org.junit.jupiter.api.Test;

/** "per platform thread", not "per platform-threads", in %scale's chart. */
class ScaleKindWordsTest {
    @Test
    void oneOfEachKind() {
        assertEquals("platform thread", ScaleMagic.one(ScaleConfig.PLATFORM));
        assertEquals("virtual thread", ScaleMagic.one(ScaleConfig.VIRTUAL));
        assertEquals("process", ScaleMagic.one(ScaleConfig.PROCESSES));
        assertEquals("forked process", ScaleMagic.one(ScaleConfig.FORKED));
    }
}
