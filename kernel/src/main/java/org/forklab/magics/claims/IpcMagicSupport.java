package org.forklab.magics.claims;

import org.forklab.experiments.core.Samples;
import org.forklab.experiments.ipc.TransportResult;
import org.forklab.magics.IpcMagic;

/** The ipc measurement the communication claims read: one way (round trip / 2) at the smallest size. */
final class IpcMagicSupport {
    private IpcMagicSupport() {
    }

    static Samples oneWaySmallest(TransportResult t) {
        return IpcMagic.oneWaySmallest(t);
    }
}
