package org.forklab.experiments.core;

import org.junit.jupiter.api.Test;

import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.*;

class LimitsTest {

    @Test
    void containerPidLimitBoundsTheHeadroomAndTheCaps() {
        Limits l = new Limits(100_000, 4_194_304, OptionalLong.of(500), OptionalLong.of(100), OptionalLong.empty(),
                OptionalLong.empty(), 8L << 30);
        assertEquals(400, l.taskHeadroom());
        Caps caps = l.defaultCaps();
        assertEquals(200, caps.maxThreads());
        assertEquals(50, caps.maxProcesses());
        assertEquals(2L << 30, caps.maxMemoryBytes());
        assertTrue(l.hardCaps().maxThreads() <= 320);
    }

    @Test
    void memoryLimitOfTheContainerWinsOverPhysicalMemory() {
        Limits l = new Limits(100_000, 32_768, OptionalLong.empty(), OptionalLong.empty(), OptionalLong.of(1L << 30),
                OptionalLong.empty(), 24L << 30);
        assertEquals(1L << 30, l.memoryBudget());
    }

    @Test
    void capRefusalNamesTheOptionThatRaisesIt() {
        Caps caps = new Caps(10, 5, 100, 1 << 20);
        BadParameterException e = assertThrows(BadParameterException.class, () -> caps.checkThreads(11, "--max-threads"));
        assertEquals("threads = 11 is above the safety cap of 10 on this machine; lower it, or raise the cap with --max-threads",
                e.getMessage());
    }

    @Test
    void readsThisMachine() {
        Environment env = Environment.current();
        assertTrue(env.cpus() >= 1);
        assertTrue(env.limits().pidMax() > 0);
        assertTrue(env.pageSize() >= 4096);
        assertEquals(Runtime.version().feature() >= 21, env.virtualThreads());
    }
}
