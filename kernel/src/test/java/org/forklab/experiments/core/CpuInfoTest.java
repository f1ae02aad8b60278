package org.forklab.experiments.core;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class CpuInfoTest {
    // The layout of a real x86 /proc/cpuinfo: tabs before the colon, two of them on some keys.
    private static final String X86 = "processor\t: 0\n"
            + "vendor_id\t: AuthenticAMD\n"
            + "model name\t: AMD EPYC 7B13\n"
            + "flags\t\t: fpu vme lm hypervisor la57 avx2\n"
            + "address sizes\t: 48 bits physical, 57 bits virtual\n"
            + "\n"
            + "processor\t: 1\n"
            + "model name\t: second CPU, not read\n";

    @Test
    void readsKeysWithTabsBeforeTheColon() {
        CpuInfo cpu = new CpuInfo(X86);
        assertEquals("AMD EPYC 7B13", cpu.model().orElseThrow());
        assertTrue(cpu.hasFlag("la57"));
        assertTrue(cpu.hasFlag("hypervisor"));
        assertFalse(cpu.hasFlag("hyper"), "a flag is a whole word, not a substring");
        assertEquals(57, cpu.virtualAddressBits());
    }

    @Test
    void readsArmStyleModelAndFeatures() {
        CpuInfo cpu = new CpuInfo("processor       : 0\nFeatures        : fp asimd\nModel           : Raspberry Pi 4\n");
        assertEquals("Raspberry Pi 4", cpu.model().orElseThrow());
        assertTrue(cpu.hasFlag("asimd"));
    }

    @Test
    void missingFileGivesNothingRatherThanAGuess() {
        CpuInfo cpu = new CpuInfo("");
        assertTrue(cpu.model().isEmpty());
        assertTrue(cpu.flags().isEmpty());
        assertEquals(0, cpu.virtualAddressBits());
    }

    @Test
    void thisMachinesModelIsReadWhenTheFileHasOne() {
        CpuInfo cpu = CpuInfo.current();
        if (cpu.text().contains("model name")) {
            assertEquals(Environment.current().cpuModel(), cpu.model().orElseThrow());
            assertNotEquals(System.getProperty("os.arch"), Environment.current().cpuModel());
        }
    }
}
