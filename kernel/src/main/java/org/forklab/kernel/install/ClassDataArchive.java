package org.forklab.kernel.install;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A dynamic class-data-sharing archive of the kernel's start-up classes (JShell and javac
 * included), made once at install by a training run. Starting from it roughly halves the JVM's
 * class loading time. Works on JDK 17 and later; without it the kernel just starts slower.
 */
final class ClassDataArchive {
    private static final long TRAINING_SECONDS = 120;

    private ClassDataArchive() {
    }

    /** Creates {@code archive} with {@code java}; returns it, or null (with a note) if that failed. */
    static Path create(String java, Path archive, Path jar) {
        if (!Files.isRegularFile(jar) || !jar.toString().endsWith(".jar")) {
            return null; // not installing from the real jar (tests): nothing to train
        }
        // A second try: the training binds loopback ports it picked free a moment before, and
        // another process may take one in between.
        String why = train(java, archive, jar);
        if (why != null) {
            why = train(java, archive, jar);
        }
        if (why != null) {
            System.err.println("install: no start-up archive (" + why + "); the kernel will start without it");
            return null;
        }
        return archive;
    }

    /** One training run; null if it left the archive, else why not (with the tail of its output). */
    private static String train(String java, Path archive, Path jar) {
        List<String> command = List.of(java, "-XX:ArchiveClassesAtExit=" + archive, "-Xlog:cds=off",
                "-Xlog:cds+dynamic=off", "-XX:-UsePerfData", "-jar", jar.toString(), "--cds-training");
        Path log = null;
        try {
            Files.deleteIfExists(archive);
            log = Files.createTempFile("forklab-cds-training", ".log");
            Process training = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            if (!training.waitFor(TRAINING_SECONDS, TimeUnit.SECONDS)) {
                training.destroyForcibly().waitFor();
                return "the training run took over " + TRAINING_SECONDS + " s" + tail(log);
            }
            if (training.exitValue() != 0 || !Files.isRegularFile(archive)) {
                return "the training run exited with " + training.exitValue() + tail(log);
            }
            return null;
        } catch (IOException e) {
            return e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } finally {
            if (log != null) {
                try {
                    Files.deleteIfExists(log);
                } catch (IOException ignored) {
                    // a temporary file left behind is harmless
                }
            }
        }
    }

    /** The last lines of the training's output, skipping basekernel's INFO chatter. */
    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log).stream()
                .filter(line -> !line.startsWith("INFO:") && !line.matches("^[A-Z][a-z]{2} \\d+, \\d{4} .*"))
                .collect(Collectors.toList());
        List<String> last = lines.subList(Math.max(0, lines.size() - 5), lines.size());
        return last.isEmpty() ? "" : "; last output: " + String.join(" | ", last);
    }
}
