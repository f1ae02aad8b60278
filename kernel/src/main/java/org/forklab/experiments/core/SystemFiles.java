package org.forklab.experiments.core;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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
        // Not Files.readString: for a file of size 0 (all of /proc) it reads one byte first, and
        // a /proc/sys integer file answers the next read, at offset 1, with end-of-file, so
        // threads-max "192730" came back as "1". One large read per call gets the whole value.
        try (InputStream in = Files.newInputStream(Path.of(path))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer, 0, buffer.length)) > 0) {
                out.write(buffer, 0, n);
            }
            return Optional.of(out.toString(StandardCharsets.UTF_8).trim());
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
