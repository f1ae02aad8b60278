package org.forklab.experiments.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Small readers for /proc and /sys files, which may be missing on other systems or containers. */
public final class SystemFiles {
    private SystemFiles() {
    }

    public static Optional<String> read(String path) {
        try {
            return Optional.of(Files.readString(Path.of(path)).trim());
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }

    public static List<String> lines(String path) {
        try {
            return Files.readAllLines(Path.of(path));
        } catch (IOException | SecurityException e) {
            return List.of();
        }
    }

    /** A number from a file such as pids.max; "max" and absurdly large values mean no limit. */
    public static OptionalLong readLimit(String path) {
        Optional<String> text = read(path);
        if (text.isEmpty() || text.get().equals("max")) {
            return OptionalLong.empty();
        }
        try {
            long value = Long.parseLong(text.get());
            // cgroup v1 writes "no limit" as a page-rounded Long.MAX_VALUE
            return value >= (1L << 60) ? OptionalLong.empty() : OptionalLong.of(value);
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** The value of a "Key:   value" line, as in /proc/self/status or /proc/meminfo. */
    public static Optional<String> field(String path, String key) {
        for (String line : lines(path)) {
            if (line.startsWith(key + ":")) {
                return Optional.of(line.substring(key.length() + 1).trim());
            }
        }
        return Optional.empty();
    }
}
