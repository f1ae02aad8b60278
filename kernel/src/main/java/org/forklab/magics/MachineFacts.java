package org.forklab.magics;

import org.forklab.experiments.core.CpuInfo;

/** Facts about this machine that the experiments' Environment does not record. */
public final class MachineFacts {
    private MachineFacts() {
    }

    /** Whether the CPU reports the "hypervisor" flag, i.e. this runs in a virtual machine. */
    public static boolean hypervisor() {
        return CpuInfo.current().hasFlag("hypervisor");
    }
}
