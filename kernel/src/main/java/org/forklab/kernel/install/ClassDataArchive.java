package org.forklab.kernel.install;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

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
        List<String> command = List.of(java, "-XX:ArchiveClassesAtExit=" + archive, "-Xlog:cds=off",
                "-Xlog:cds+dynamic=off", "-XX:-UsePerfData", "-jar", jar.toString(), "--cds-training");
        try {
            Files.deleteIfExists(archive);
            Process training = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!training.waitFor(TRAINING_SECONDS, TimeUnit.SECONDS)) {
                training.destroyForcibly();
                System.err.println("install: the start-up archive took too long; the kernel will start without it");
                return null;
            }
            if (training.exitValue() != 0 || !Files.isRegularFile(archive)) {
                System.err.println("install: no start-up archive (training exited with " + training.exitValue()
                        + "); the kernel will start without it");
                return null;
            }
            return archive;
        } catch (IOException e) {
            System.err.println("install: no start-up archive (" + e.getMessage() + "); the kernel will start without it");
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
