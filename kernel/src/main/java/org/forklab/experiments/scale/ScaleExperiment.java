package org.forklab.experiments.scale;

import org.forklab.experiments.core.ProgressListener;
import org.forklab.experiments.core.DeathSignal;
import org.forklab.experiments.core.Deadline;
import org.forklab.experiments.core.Environment;
import org.forklab.experiments.core.VirtualThreads;
import org.forklab.experiments.core.Joins;
import org.forklab.experiments.core.PeerProcess;
import org.forklab.experiments.nativeprobe.NativeProbe;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Creates idle entities in growing numbers and reads what they cost: platform threads and
 * virtual threads parked on a latch in this JVM, idle processes ({@code sleep} children
 * started with ProcessBuilder, which exec the small coreutils program, not a JVM), and idle
 * processes forked by the native probe (no exec: copy-on-write copies of one small program). Everything
 * created for one count is released, joined or killed and reaped before the next count, on
 * every path out.
 */
public final class ScaleExperiment {
    /**
     * Entities created and dropped once per kind before measuring, so that class loading, first
     * use and the JIT stay out of the figures. Threads need many: until the JIT has compiled the
     * idle path, each new thread runs it in the interpreter, whose bigger frames and stack banging
     * (HotSpot touches a page well below the stack pointer on method entry) leave several times
     * more of its stack resident (measured here: ~90 KiB per thread for the first few hundred
     * threads, ~12 KiB once compiled).
     */
    private static final int THREAD_WARM_UP = 2_000;
    private static final int PROCESS_WARM_UP = 16;

    private ScaleExperiment() {
    }

    public static ScaleResult run(ScaleConfig config) throws IOException, InterruptedException {
        return run(config, ProgressListener.NONE);
    }

    /** The run, announcing each kind of entity as a phase. */
    public static ScaleResult run(ScaleConfig config, ProgressListener progress) throws IOException, InterruptedException {
        Deadline deadline = Deadline.after(config.timeLimit());
        List<ScaleKind> kinds = new ArrayList<>();
        Map<String, String> skipped = new LinkedHashMap<>();
        for (String kind : config.kinds()) {
            deadline.check();
            progress.phase(kind, config.kinds().indexOf(kind), config.kinds().size());
            switch (kind) {
                case ScaleConfig.PLATFORM -> kinds.add(new ScaleKind(kind, platformMechanism(config),
                        sweep(config.threadCounts(), true, n -> threadsAt(n, false, config.threadStackBytes(), deadline), deadline)));
                case ScaleConfig.VIRTUAL -> {
                    if (VirtualThreads.available()) {
                        kinds.add(new ScaleKind(kind, "virtual threads (Thread.startVirtualThread) parked on a CountDownLatch;"
                                + " a parked virtual thread keeps its stack in the heap and holds no carrier thread",
                                sweep(config.virtualCounts(), true, n -> threadsAt(n, true, 0, deadline), deadline)));
                    } else {
                        skipped.put(kind, VirtualThreads.unavailableReason());
                    }
                }
                case ScaleConfig.FORKED -> {
                    Optional<String> missing = NativeProbe.bundled().availability();
                    if (missing.isPresent()) {
                        skipped.put(kind, missing.get());
                    } else {
                        Path probe = NativeProbe.bundled().executable();
                        kinds.add(new ScaleKind(kind, "idle children forked by the native probe (forklab-probe idle):"
                                + " fork without exec, each a copy-on-write copy of the small probe waiting in pause()",
                                sweep(config.processCounts(), false, n -> forkedAt(n, probe, deadline), deadline)));
                    }
                }
                default -> kinds.add(new ScaleKind(kind, "idle 'sleep' processes started by ProcessBuilder ("
                        + Environment.jdkLaunchMechanism() + "), stdin /dev/null, output discarded; the JDK keeps one"
                        + " 'process reaper' thread per live child in this JVM, whose kernel stacks the machine-wide"
                        + " KernelStack growth includes",
                        sweep(config.processCounts(), false, n -> processesAt(n, deadline), deadline)));
            }
        }
        return new ScaleResult(Environment.current(), config, Environment.current().limits(), kinds, skipped);
    }

    private interface Measure {
        ScalePoint at(long count) throws IOException, InterruptedException;
    }

    private static List<ScalePoint> sweep(List<Long> counts, boolean threadsOfThisJvm, Measure m, Deadline deadline)
            throws IOException, InterruptedException {
        // never more warm-up entities than the largest count asked for (which the caps allowed)
        long most = counts.stream().mapToLong(Long::longValue).max().orElse(1);
        m.at(Math.min(most, threadsOfThisJvm ? THREAD_WARM_UP : PROCESS_WARM_UP));
        List<ScalePoint> points = new ArrayList<>();
        for (long n : counts) {
            if (threadsOfThisJvm) {
                // the previous count's threads are joined; wait (up to 10 s) until their kernel tasks are gone too
                IdleThreads.awaitGone(10_000_000_000L, deadline);
            }
            deadline.check();
            points.add(m.at(n));
        }
        return points;
    }

    private static String platformMechanism(ScaleConfig config) {
        return "platform threads parked on a CountDownLatch, stack "
                + (config.threadStackBytes() == 0 ? "the JVM default (-Xss; 1 MiB on Linux x86-64)" : config.threadStackBytes() + " bytes");
    }

    private static ScalePoint threadsAt(long count, boolean virtual, long stackBytes, Deadline deadline)
            throws InterruptedException {
        long me = ProcessHandle.current().pid();
        Reading before = Reading.ofThisJvm(me, virtual);
        StackMappings mapsBefore = virtual ? null : StackMappings.read();
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch running = new CountDownLatch((int) count);
        Runnable idle = () -> {
            running.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                // released early: the run is ending
            }
        };
        Thread[] threads = new Thread[(int) count];
        int started = 0;
        try {
            long t0 = System.nanoTime();
            for (; started < count; started++) {
                if ((started & 255) == 0) {
                    deadline.check();
                }
                try {
                    threads[started] = virtual ? VirtualThreads.start(idle) : startPlatform(idle, stackBytes, started);
                } catch (OutOfMemoryError e) {
                    throw new IllegalStateException((virtual ? "virtual" : "platform") + " thread " + (started + 1)
                            + " could not be created (" + e.getMessage() + "); lower the count");
                }
            }
            while (!running.await(20, TimeUnit.MILLISECONDS)) {
                deadline.check();
            }
            long creation = System.nanoTime() - t0;
            Reading held = Reading.ofThisJvm(me, virtual);
            long[] stacks = virtual ? new long[3] : StackMappings.read().newStacks(mapsBefore,
                    stackBytes > 0 ? stackBytes : StackMappings.defaultThreadStackBytes());
            return new ScalePoint(count, creation, held.rss - before.rss, held.pss - before.pss,
                    held.vmSize - before.vmSize, held.pageTables - before.pageTables,
                    held.kernelStack - before.kernelStack, held.heap - before.heap, held.tasks - before.tasks,
                    stacks[0], stacks[1], stacks[2]);
        } finally {
            release.countDown();
            for (int i = 0; i < started; i++) {
                Joins.uninterruptibly(threads[i]);
            }
        }
    }

    private static Thread startPlatform(Runnable idle, long stackBytes, int index) {
        Thread t = new Thread(null, idle, IdleThreads.PREFIX + index, stackBytes);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static ScalePoint processesAt(long count, Deadline deadline) throws IOException, InterruptedException {
        ProcessBuilder sleeper = new ProcessBuilder(DeathSignal.wrap(List.of("sleep", "86400")))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        long pageTables = ProcMemory.meminfo("PageTables");
        long kernelStack = ProcMemory.meminfo("KernelStack");
        List<Process> children = new ArrayList<>();
        try {
            long t0 = System.nanoTime();
            for (long i = 0; i < count; i++) {
                if ((i & 15) == 0) {
                    deadline.check();
                }
                children.add(DeathSignal.start(sleeper));
            }
            for (Process p : children) {
                awaitProgram(p, "sleep", deadline);
            }
            long creation = System.nanoTime() - t0;
            long rss = 0;
            long pss = 0;
            long vm = 0;
            long seen = 0;
            for (Process p : children) {
                long r = ProcMemory.rollup(p.pid(), "Rss");
                if (r >= 0) {
                    rss += r;
                    pss += Math.max(0, ProcMemory.rollup(p.pid(), "Pss"));
                    vm += Math.max(0, ProcMemory.status(p.pid(), "VmSize"));
                    seen++;
                }
            }
            return new ScalePoint(count, creation, rss, pss, vm, ProcMemory.meminfo("PageTables") - pageTables,
                    ProcMemory.meminfo("KernelStack") - kernelStack, 0, seen, 0, 0, 0);
        } finally {
            children.forEach(Process::destroyForcibly);
            for (Process p : children) {
                reap(p);
            }
        }
    }

    /**
     * Idle processes forked by the native probe, which holds them while their memory is read and
     * kills and reaps them when its stdin closes (PeerProcess.close), or dies with them if not.
     */
    private static ScalePoint forkedAt(long count, Path probe, Deadline deadline) throws IOException, InterruptedException {
        long pageTables = ProcMemory.meminfo("PageTables");
        long kernelStack = ProcMemory.meminfo("KernelStack");
        try (PeerProcess holder = PeerProcess.start(List.of(probe.toString(), "idle", "count=" + count), "forklab-probe idle")) {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.stdout(), StandardCharsets.UTF_8));
            while (!out.ready()) {
                deadline.check();
                holder.ensureAlive();
                Thread.sleep(2);
            }
            String line = out.readLine();
            JsonObject idle;
            try {
                idle = line == null ? null : new Gson().fromJson(line, JsonObject.class);
            } catch (RuntimeException e) {
                idle = null;
            }
            if (idle == null || !idle.has("pids")) {
                throw new IOException("the probe did not list its idle children: " + holder.describeEnd());
            }
            long rss = 0;
            long pss = 0;
            long vm = 0;
            long seen = 0;
            for (JsonElement e : idle.getAsJsonArray("pids")) {
                long pid = e.getAsLong();
                long r = ProcMemory.rollup(pid, "Rss");
                if (r >= 0) {
                    rss += r;
                    pss += Math.max(0, ProcMemory.rollup(pid, "Pss"));
                    vm += Math.max(0, ProcMemory.status(pid, "VmSize"));
                    seen++;
                }
            }
            return new ScalePoint(count, idle.get("create_ns").getAsLong(), rss, pss, vm,
                    ProcMemory.meminfo("PageTables") - pageTables, ProcMemory.meminfo("KernelStack") - kernelStack,
                    0, seen, 0, 0, 0);
        }
    }

    /** Waits until a child has exec'd its program (before that it is still the JDK's spawn helper). */
    private static void awaitProgram(Process p, String program, Deadline deadline) throws IOException, InterruptedException {
        int polls = 0;
        while (!ProcMemory.comm(p.pid()).equals(program)) {
            if (!p.isAlive()) {
                throw new IOException("an idle '" + program + "' child exited at once with status " + p.exitValue());
            }
            if ((++polls & 63) == 0) {
                deadline.check();
            }
            Thread.sleep(0, 200_000);
        }
    }

    private static void reap(Process p) {
        boolean interrupted = false;
        while (true) {
            try {
                p.waitFor(5, TimeUnit.SECONDS);
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** This JVM's memory and task count, and the machine's page tables and kernel stacks, at one moment. */
    private record Reading(long rss, long pss, long vmSize, long pageTables, long kernelStack, long heap, long tasks) {
        static Reading ofThisJvm(long pid, boolean collectFirst) {
            // Virtual threads live in the heap: a full GC first, so the heap figure is what the
            // parked threads hold, not garbage. Platform threads live outside it, and a GC moves
            // and returns heap pages, which would swamp their RSS with noise: no GC for them.
            if (collectFirst) {
                System.gc();
            }
            long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            return new Reading(ProcMemory.rollup(pid, "Rss"), ProcMemory.rollup(pid, "Pss"), ProcMemory.status(pid, "VmSize"),
                    ProcMemory.meminfo("PageTables"), ProcMemory.meminfo("KernelStack"), heap, ProcMemory.threads(pid));
        }
    }

}
