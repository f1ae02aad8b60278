package org.forklab.experiments.ipc;

import org.forklab.experiments.switching.Placement;

import java.util.List;
import java.util.Optional;

/**
 * The CPUs a placement gives the two ends, as the ping-pong chooses them: the first allowed CPU
 * for the timing side, the second for the peer on two CPUs, the first for both on one CPU, and
 * for the scheduler every CPU the process may use (a pin undone).
 *
 * @param timing    CPU list for the timing side, empty when it is not pinned
 * @param peer      CPU list for the peer, empty when it is not pinned
 * @param allowed   every CPU the process may use, as Linux writes the list
 */
record Seats(Optional<String> timing, Optional<String> peer, String allowed) {
    static Seats of(Placement placement, List<Integer> allowedCpus, String allowedList) {
        String a = String.valueOf(allowedCpus.isEmpty() ? 0 : allowedCpus.get(0));
        String b = String.valueOf(allowedCpus.size() > 1 ? allowedCpus.get(1) : allowedCpus.isEmpty() ? 0 : allowedCpus.get(0));
        return switch (placement) {
            case SAME_CPU -> new Seats(Optional.of(a), Optional.of(a), allowedList);
            case TWO_CPUS -> new Seats(Optional.of(a), Optional.of(b), allowedList);
            case SCHEDULER -> new Seats(Optional.empty(), Optional.empty(), allowedList);
        };
    }

    /** What the settings say about this placement. */
    String describe() {
        return timing.map(t -> "timing side pinned to CPU " + t + ", peer to CPU " + peer.orElseThrow())
                .orElse("not pinned: the scheduler places both sides");
    }
}
