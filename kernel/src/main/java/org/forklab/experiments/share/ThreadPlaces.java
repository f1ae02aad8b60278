package org.forklab.experiments.share;

import java.io.FileInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where two threads of this process are at one moment, seen from a third: one computing, one
 * blocked. /proc/PID/task/TID/syscall says "running" for a thread on a CPU, "-1 sp pc" for one
 * stopped outside a system call, and "nr args... sp pc" for one inside system call nr. Asking a
 * thread about itself would always find it inside the read() that asks, so the program-counter
 * row would wrongly show every thread at one place.
 */
final class ThreadPlaces {
    /** x86-64 numbers of the system calls a parked or sleeping JVM thread waits in. */
    private static final Map<Integer, String> X86_64_CALLS = Map.of(0, "read", 7, "poll", 35, "nanosleep",
            202, "futex", 230, "clock_nanosleep", 232, "epoll_wait", 281, "epoll_pwait");
    private static final long WAIT_SECONDS = 5;

    /** One thread's role and what the kernel said about where it was. */
    record Place(String role, long tid, String where) {
    }

    private ThreadPlaces() {
    }

    /** The computing thread and the blocked thread, or nothing when /proc did not answer. */
    static List<Place> observe() throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong computingTid = new AtomicLong(-1);
        AtomicLong blockedTid = new AtomicLong(-1);
        CountDownLatch started = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        Thread computing = new Thread(() -> {
            computingTid.set(tid());
            started.countDown();
            long x = 0;
            while (!stop.get()) {
                x = x * 31 + 7; // work in user space, no system call
            }
            if (x == 42) {
                System.out.print(""); // keeps the loop from being removed
            }
        }, "forklab-share-computing");
        Thread blocked = new Thread(() -> {
            blockedTid.set(tid());
            started.countDown();
            try {
                release.await(WAIT_SECONDS, TimeUnit.SECONDS); // parks in futex
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "forklab-share-blocked");
        computing.setDaemon(true);
        blocked.setDaemon(true);
        computing.start();
        blocked.start();
        try {
            if (!started.await(WAIT_SECONDS, TimeUnit.SECONDS) || computingTid.get() < 0 || blockedTid.get() < 0) {
                return List.of();
            }
            Thread.sleep(20); // let the blocked one reach its futex wait
            List<Place> places = new ArrayList<>();
            where(computingTid.get()).ifPresent(w -> places.add(new Place("computing", computingTid.get(), w)));
            where(blockedTid.get()).ifPresent(w -> places.add(new Place("blocked", blockedTid.get(), w)));
            return places;
        } finally {
            stop.set(true);
            release.countDown();
            computing.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
            blocked.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
        }
    }

    private static long tid() {
        try {
            return ThreadSelf.pidAndTid()[1];
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** "running on a CPU", "outside any system call at pc 0x…", or "inside futex (202) at pc 0x…". */
    static Optional<String> where(long tid) {
        try (FileInputStream in = new FileInputStream("/proc/self/task/" + tid + "/syscall")) {
            byte[] buffer = new byte[512];
            int n = in.read(buffer);
            return n <= 0 ? Optional.empty() : Optional.of(describe(new String(buffer, 0, n, StandardCharsets.US_ASCII)));
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }

    static String describe(String syscallFile) {
        String[] words = syscallFile.trim().split("\\s+");
        if (words[0].equals("running")) {
            return "running on a CPU";
        }
        String pc = words[words.length - 1];
        if (words[0].equals("-1")) {
            return "outside any system call at pc " + pc;
        }
        int nr;
        try {
            nr = Integer.parseInt(words[0]);
        } catch (NumberFormatException e) {
            return words[0];
        }
        String name = "amd64".equals(System.getProperty("os.arch")) ? X86_64_CALLS.get(nr) : null;
        return "inside " + (name == null ? "system call " + nr : name + " (" + nr + ")") + " at pc " + pc;
    }
}
