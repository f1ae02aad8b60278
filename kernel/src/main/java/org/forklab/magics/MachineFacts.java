package org.forklab.magics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Facts about this machine that the experiments' Environment does not record. */
public final class MachineFacts {
    private static volatile Boolean hypervisor;

    private MachineFacts() {
    }

    /** Whether the CPU reports the "hypervisor" flag, i.e. this runs in a virtual machine. */
    public static boolean hypervisor() {
        Boolean h = hypervisor;
        if (h == null) {
            try {
                h = Files.readString(Path.of("/proc/cpuinfo")).contains(" hypervisor");
            } catch (IOException | RuntimeException e) {
                h = false;
            }
            hypervisor = h;
        }
        return h;
    }
}
