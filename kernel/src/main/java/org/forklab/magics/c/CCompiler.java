package org.forklab.magics.c;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.forklab.experiments.core.ChildResult;
import org.forklab.experiments.core.ChildSpec;
import org.forklab.experiments.core.Children;

/** The system C compiler: the first of cc, gcc, clang found on PATH. */
public final class CCompiler {
    private static final List<String> NAMES = List.of("cc", "gcc", "clang");
    private static volatile Optional<String> versionCache;

    private CCompiler() {
    }

    /** Where the compiler is, if there is one. */
    public static Optional<Path> find() {
        return findOn(System.getenv().getOrDefault("PATH", ""));
    }

    public static Optional<Path> findOn(String pathVariable) {
        for (String name : NAMES) {
            for (String dir : pathVariable.split(File.pathSeparator)) {
                if (dir.isEmpty()) {
                    continue;
                }
                Path candidate = Path.of(dir, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /** The one line that says why C cells cannot run here. */
    public static String missingLine() {
        return "no C compiler (cc, gcc or clang) was found on PATH; install one (e.g. apt-get install gcc)"
                + " to run C cells and native experiments; the Java experiments still run";
    }

    /** "cc: gcc (Debian 12.2.0-14) 12.2.0", or "none". */
    public static String describe() {
        Optional<String> v = versionCache;
        if (v == null) {
            v = find().map(CCompiler::version);
            versionCache = v;
        }
        return v.orElse("none");
    }

    private static String version(Path compiler) {
        try {
            ChildResult r = Children.run(ChildSpec.of(List.of(compiler.toString(), "--version"), Duration.ofSeconds(10)));
            String first = r.stdoutLines().isEmpty() ? "" : r.stdoutLines().get(0);
            return compiler + (first.isBlank() ? "" : " (" + first.strip() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return compiler.toString();
        } catch (java.io.IOException e) {
            return compiler + " (did not start: " + e.getMessage() + ")";
        }
    }
}
