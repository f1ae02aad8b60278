package org.forklab.experiments.scale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

class NativeStacksTest {

    @Test
    void eachIdlePthreadHasAStackMappingMostlyNotResident() throws Exception {
        assumeTrue(NativeStacks.unavailableReason().isEmpty(), () -> NativeStacks.unavailableReason().orElse(""));
        NativeStacks n = NativeStacks.measure(4);
        assertEquals(4, n.threads());
        assertEquals(4, n.virtualBytes().size());
        for (int i = 0; i < 4; i++) {
            double size = n.virtualBytes().values()[i];
            double rss = n.residentBytes().values()[i];
            assertTrue(size >= 16 << 10, "stack mapping found: " + size);
            assertTrue(rss > 0 && rss < size, "some pages resident, not all: " + rss + " of " + size);
        }
        assertTrue(n.defaultStackBytes() > 0, "glibc's default stack size");
    }
}
