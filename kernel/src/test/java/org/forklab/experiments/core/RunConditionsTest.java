package org.forklab.experiments.core;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class RunConditionsTest {
    private static final String CPU = "cpu  1000 0 500 8000 10 0 5 %d 0 0";

    private static MachineLoad at(double load, long steal, long extraIdle) {
        // the idle field grows with time; steal is the eighth field
        return MachineLoad.parse(load + " 0.50 0.40 2/300 12345",
                String.format(CPU, steal).replace(" 8000 ", " " + (8000 + extraIdle) + " "));
    }

    @Test
    void readsLoadRunnableAndSteal() {
        MachineLoad m = at(1.25, 30, 0);
        assertEquals(1.25, m.loadAverage1());
        assertEquals(2, m.runnable());
        assertEquals(30, m.stealTicks());
        assertEquals(1000 + 500 + 8000 + 10 + 5 + 30, m.totalTicks());
    }

    @Test
    void aSteadyRunSaysNothingMore() {
        RunConditions c = new RunConditions(at(0.50, 10, 0), at(0.60, 10, 1000));
        assertFalse(c.loadMoved());
        assertFalse(c.stealHigh());
        assertEquals("load average 0.50 → 0.60, CPU steal 0.0 % during the run", c.sentence());
    }

    @Test
    void movedLoadAndHighStealAreSaid() {
        RunConditions c = new RunConditions(at(0.50, 10, 0), at(2.00, 110, 900));
        assertTrue(c.loadMoved());
        assertTrue(c.stealHigh(), c.stealShare().toString());
        assertEquals(0.1, c.stealShare().orElseThrow(), 1e-9);
        assertTrue(c.sentence().contains("the load moved during the run")
                && c.sentence().contains("the hypervisor took CPU time away"), c.sentence());
    }

    @Test
    void unreadableFilesSaySo() {
        RunConditions c = new RunConditions(MachineLoad.parse("", ""), MachineLoad.parse("", ""));
        assertEquals("load and steal could not be read here", c.sentence());
    }

    @Test
    void thisMachineIsReadable() {
        MachineLoad m = MachineLoad.now();
        assertFalse(Double.isNaN(m.loadAverage1()));
        assertTrue(m.totalTicks() > 0);
    }
}
