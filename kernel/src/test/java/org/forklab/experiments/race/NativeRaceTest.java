package org.forklab.experiments.race;

import org.forklab.experiments.core.ProcessTree;
import org.forklab.experiments.nativeprobe.NativeProbe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

class NativeRaceTest {
    private static final RaceConfig SMALL = RaceConfig.defaults(RaceExperimentTest.ROOMY)
            .withIncrements(200_000).withTrials(4)
            .withVariants(RaceVariant.NATIVE_PLAIN, RaceVariant.NATIVE_VOLATILE, RaceVariant.NATIVE_PROCESSES);

    @AfterEach
    void nothingLeftBehind() {
        assertEquals(List.of(), ProcessTree.descendants());
        assertEquals(List.of(), ProcessTree.zombieChildren());
    }

    @Test
    void nativeVariantsRunOrSayWhyInOneLine() throws Exception {
        RaceResult r = RaceExperiment.run(SMALL);
        Optional<String> why = NativeProbe.bundled().availability();
        if (why.isPresent()) {
            assertEquals(List.of(), r.outcomes());
            assertEquals(3, r.skipped().size());
            r.skipped().values().forEach(reason -> {
                assertEquals(why.get(), reason);
                assertFalse(reason.contains("\n"));
            });
            return;
        }
        assertEquals(3, r.outcomes().size(), r.skipped().toString());
        for (RaceOutcome o : r.outcomes()) {
            assertEquals(4, o.trials());
            assertEquals(400_000, o.expected());
            long[] lost = o.lostUpdates();
            long[] overlap = o.overlapNanos();
            for (int t = 0; t < 4; t++) {
                assertTrue(lost[t] >= 0 && lost[t] < o.expected(), o.toString());
                assertTrue(overlap[t] > 0 || lost[t] == 0, o.toString());
            }
            assertEquals(3, o.timing().size());
        }
        RaceOutcome fork = r.outcome(RaceVariant.NATIVE_PROCESSES).orElseThrow();
        assertEquals(0L, fork.parentCounter().orElseThrow());
        for (long[] trial : fork.processCounts()) {
            assertArrayEquals(new long[] {200_000, 200_000}, trial);
        }
        assertArrayEquals(new long[4], fork.lostUpdates());
    }
}
