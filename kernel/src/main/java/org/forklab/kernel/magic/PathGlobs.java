package org.forklab.kernel.magic;

import org.forklab.spi.UsageError;
import io.github.spencerpark.jupyter.kernel.util.GlobFinder;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Expands the paths and globs a magic was given, refusing those that match nothing. */
final class PathGlobs {
    private PathGlobs() {
    }

    static List<Path> expand(String magic, List<String> patterns, boolean jarsOnly) throws UsageError {
        List<Path> found = new ArrayList<>();
        for (String pattern : patterns) {
            List<Path> matches = new ArrayList<>();
            try {
                Iterable<Path> paths = jarsOnly ? new GlobFinder(pattern).computeMatchingFiles()
                        : new GlobFinder(pattern).computeMatchingPaths();
                for (Path p : paths) {
                    if (!jarsOnly || p.getFileName().toString().endsWith(".jar")) {
                        matches.add(p.toAbsolutePath().normalize());
                    }
                }
            } catch (java.nio.file.NoSuchFileException e) {
                matches.clear(); // a missing directory simply matches nothing
            } catch (IOException | RuntimeException e) {
                throw new UsageError(magic + ": cannot read '" + pattern + "': " + e.getMessage());
            }
            if (matches.isEmpty()) {
                throw new UsageError(magic + ": " + (jarsOnly ? "no jar file" : "no file or directory")
                        + " matches '" + pattern + "' (paths are relative to " + Path.of("").toAbsolutePath() + ")");
            }
            found.addAll(matches);
        }
        return found;
    }
}
