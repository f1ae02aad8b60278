package org.forklab.magics.c;

import java.util.Locale;
import java.util.Optional;

/** The %%c lines that come from the caps: which cap stopped the program, and what it left behind. */
public final class CEndings {
    private CEndings() {
    }

    /** A cap that stopped the run, a program that could not start, or one that failed near its memory cap. */
    public static Optional<String> capLine(CRun run) {
        Containment held = run.contained();
        String time = String.format(Locale.ROOT, "%.2f s", run.seconds());
        CCaps caps = held.caps();
        return switch (held.end()) {
            case "tasks" -> Optional.of("%%c: the program reached its cap of " + caps.maxTasks()
                    + " processes and threads and was stopped after " + time + ", with all " + (held.leftovers() + 1)
                    + " processes of its tree (raise the cap with --max-processes)");
            case "memory" -> Optional.of("%%c: the program went past its memory cap of " + CCaps.mib(caps.maxMemoryBytes())
                    + " and was stopped after " + time + ", with everything it started (raise the cap with --max-memory)");
            case "exec" -> Optional.of("%%c: the program did not start: " + held.execError().orElse("exec failed"));
            default -> failedNearMemoryCap(run, time);
        };
    }

    /** Set to the line's end when processes the program started were still running when the run ended. */
    public static String leftovers(CRun run) {
        long n = run.contained().leftovers();
        if (n == 0 || !run.contained().end().equals("exit")) {
            return "";
        }
        return "; " + n + (n == 1 ? " process it started (e.g. a daemon) was" : " processes it started (e.g. daemons) were")
                + " still running when main ended and " + (n == 1 ? "was" : "were") + " stopped";
    }

    private static Optional<String> failedNearMemoryCap(CRun run, String time) {
        Containment held = run.contained();
        if (run.exitCode() == 0 || !held.nearMemoryCap()) {
            return Optional.empty();
        }
        String how = run.signal().map(s -> "was killed by " + s).orElse("exited with status " + run.exitCode());
        return Optional.of("%%c: the program " + how + " after " + time + ", with an address space of "
                + CCaps.mib(held.peakAddressSpace()) + " seen against its memory cap of " + CCaps.mib(held.caps().maxMemoryBytes())
                + " (allocations past the cap fail: malloc returns NULL; raise it with --max-memory)");
    }
}
