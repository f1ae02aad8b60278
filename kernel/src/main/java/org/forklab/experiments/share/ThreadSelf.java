package org.forklab.experiments.share;

import java.io.FileInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What the kernel says about the calling thread, read from /proc/thread-self. Java has no
 * gettid() and its Thread ids are not kernel TIDs; /proc/thread-self is a link to
 * "PID/task/TID" for whichever thread reads it.
 */
final class ThreadSelf {
    private ThreadSelf() {
    }

    /** {pid, tid} of the calling thread. */
    static long[] pidAndTid() throws IOException {
        String link = Files.readSymbolicLink(Path.of("/proc/thread-self")).toString();
        String[] parts = link.split("/");
        return new long[] {Long.parseLong(parts[0]), Long.parseLong(parts[2])};
    }

    /**
     * The calling thread's stack pointer and program counter. /proc/thread-self/syscall shows
     * the registers of a thread inside a system call, and the thread reading it is inside
     * read(): the last two words are its stack pointer and its program counter.
     */
    static Optional<String[]> stackPointerAndPc() {
        // one read with a large buffer: procfs answers a second, partial read with nothing
        try (FileInputStream in = new FileInputStream("/proc/thread-self/syscall")) {
            byte[] buffer = new byte[512];
            int n = in.read(buffer);
            if (n <= 0) {
                return Optional.empty();
            }
            String[] words = new String(buffer, 0, n, StandardCharsets.US_ASCII).trim().split("\\s+");
            return words.length >= 9 ? Optional.of(new String[] {words[words.length - 2], words[words.length - 1]})
                    : Optional.empty();
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }

    /** A field of /proc/thread-self/status, e.g. "SigCgt" or "Uid". */
    static String status(String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/thread-self/status"))) {
                if (line.startsWith(key + ":")) {
                    return line.substring(key.length() + 1).trim().replaceAll("\\s+", " ");
                }
            }
        } catch (IOException e) {
            return "unreadable";
        }
        return "absent";
    }

    /** How many of this process's descriptors (/proc/self/fd) point at {@code file}. */
    static int descriptorsOpenOn(Path file) {
        Path target = file.toAbsolutePath().normalize();
        int count = 0;
        try (var fds = Files.list(Path.of("/proc/self/fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    if (Files.readSymbolicLink(fd).equals(target)) {
                        count++;
                    }
                } catch (IOException e) {
                    // the descriptor closed while we looked (the listing's own one does)
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return count;
    }

    /** The descriptor numbers of this process pointing at {@code file}. */
    static List<Integer> descriptorNumbersOn(Path file) throws IOException {
        Path target = file.toAbsolutePath().normalize();
        try (var fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.filter(fd -> {
                try {
                    return Files.readSymbolicLink(fd).equals(target);
                } catch (IOException e) {
                    return false;
                }
            }).map(fd -> Integer.parseInt(fd.getFileName().toString())).sorted().toList();
        }
    }
}
