package org.forklab.experiments.core;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Children that have no watch of their own (the idle {@code sleep}s of %scale, a child JVM still
 * starting up, a compiler) run through util-linux {@code setpriv --pdeathsig KILL}: the kernel
 * kills each one when the thread that started it dies, the JVM included, and setpriv execs the
 * command, so the pid is the command's. Without setpriv the command runs as it is, and child
 * JVMs still have their {@code ParentDeath} watch.
 */
public final class DeathSignal {
    private static final Optional<String> SETPRIV = find("setpriv");

    private DeathSignal() {
    }

    /** {@code setpriv --pdeathsig KILL command...} where setpriv exists, else the command. */
    public static List<String> wrap(List<String> command) {
        if (SETPRIV.isEmpty()) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of(SETPRIV.get(), "--pdeathsig", "KILL", "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    /**
     * Starts a helper; when the start fails because the spawn helper was killed by a signal
     * (the kernel stopping an interrupted cell kills it), the failure is reported as the
     * interrupt it is, not as "Cannot run program ... signal: 15".
     */
    public static Process start(ProcessBuilder builder) throws IOException, InterruptedException {
        try {
            return builder.start();
        } catch (IOException e) {
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted");
            }
            if (String.valueOf(e.getMessage()).contains("signal: ")) {
                // The interrupt that made the kernel kill the helper may reach this thread a
                // moment later; then this sleep ends with it.
                Thread.sleep(500);
            }
            throw e;
        }
    }

    private static Optional<String> find(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
            File f = new File(dir, program);
            if (!dir.isEmpty() && f.isFile() && f.canExecute()) {
                return Optional.of(f.getPath());
            }
        }
        return Optional.empty();
    }
}
