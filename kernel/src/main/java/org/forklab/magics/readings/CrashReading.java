package org.forklab.magics.readings;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.forklab.experiments.faults.BlastRadius;
import org.forklab.experiments.faults.FaultKind;
import org.forklab.experiments.faults.FaultMode;
import org.forklab.experiments.faults.FaultOutcome;
import org.forklab.experiments.faults.FaultResult;

/** %crash: per fault, how many healthy workers survived as threads and as processes. */
public final class CrashReading {
    static final int SHOWN = 3;

    private CrashReading() {
    }

    public static Reading of(FaultResult r) {
        List<String> parts = new ArrayList<>();
        boolean nativeEndedGroup = false;
        int kinds = 0;
        for (FaultKind kind : FaultKind.values()) {
            Optional<FaultOutcome> t = r.outcome(kind, FaultMode.THREADS);
            Optional<FaultOutcome> p = r.outcome(kind, FaultMode.PROCESSES);
            if (t.isEmpty() && p.isEmpty()) {
                continue;
            }
            kinds++;
            if (parts.size() < SHOWN) {
                parts.add(kind.word() + " " + t.map(o -> survived(o) + " as threads").orElse("threads not run") + ", "
                        + p.map(o -> survived(o) + " as processes").orElse("processes not run"));
            }
            nativeEndedGroup |= kind.isNative() && t.map(o -> o.blastRadius() == BlastRadius.ALL_WORKERS).orElse(false);
        }
        if (kinds == 0) {
            return Reading.of("no fault was run, so nothing can be said about who survives");
        }
        String finding = "healthy workers that survived a fault in one worker: " + String.join("; ", parts)
                + (kinds > SHOWN ? "; " + (kinds - SHOWN) + " more faults in the table" : "");
        Optional<String> why = nativeEndedGroup ? Optional.of("a native fault's signal went to the faulting thread, and"
                + " its default action ended the whole thread group, healthy threads included") : Optional.empty();
        return Reading.of(finding, why);
    }

    private static String survived(FaultOutcome o) {
        return o.survivors() + " of " + (o.workers().size() - 1);
    }
}
