package org.forklab.experiments.share;

import org.forklab.experiments.core.ProgressListener;
import org.forklab.experiments.core.ChildResult;
import org.forklab.experiments.core.ChildSpec;
import org.forklab.experiments.core.Deadline;
import org.forklab.experiments.core.Environment;
import org.forklab.experiments.core.ExperimentTimeoutException;
import org.forklab.experiments.sandbox.Sandbox;
import org.forklab.experiments.sandbox.SandboxLimits;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/** Observes what W threads share and W processes own, in Java and (when it can run) in C. */
public final class ShareExperiment {
    /** What worker 0 writes into the global, and the parent's own value while children run. */
    static final long THREAD_WRITE = 42;
    static final long PARENT_VALUE = 7;
    static final String PARENT_HEAP = "written by the parent";

    private ShareExperiment() {
    }

    public static ShareResult run(ShareConfig config) throws IOException, InterruptedException {
        return run(config, ProgressListener.NONE);
    }

    /**
     * The run, announced as one uncounted phase: it observes threads and processes together, so
     * a progress display can only show the time elapsed.
     */
    public static ShareResult run(ShareConfig config, ProgressListener progress) throws IOException, InterruptedException {
        progress.phase(config.workers() + " threads and " + config.workers() + " processes", 0, 0);
        Deadline deadline = Deadline.after(config.timeLimit());
        JavaThreadsView threads = javaThreads(config.workers(), deadline);
        deadline.check();
        JavaProcessesView processes = javaProcesses(config, deadline);
        deadline.check();
        Optional<NativeShareView> nativeView = Optional.empty();
        Optional<String> skipped = NativeShare.unavailableReason();
        if (skipped.isEmpty()) {
            nativeView = Optional.of(NativeShare.run(config.workers(), Duration.ofNanos(Math.max(1_000_000,
                    deadline.remainingNanos()))));
        }
        return new ShareResult(config, Environment.current(), ShareRows.of(threads, processes, nativeView, ThreadPlaces.observe()),
                threads, processes, nativeView, skipped);
    }

    /** W threads, alive together until each has looked at itself; worker 0 opens a file, another writes to it. */
    static JavaThreadsView javaThreads(int workers, Deadline deadline) throws IOException, InterruptedException {
        Path file = Files.createTempFile("forklab-share-", ".txt");
        List<Integer> heapList = Collections.synchronizedList(new ArrayList<>());
        AtomicReference<FileChannel> channel = new AtomicReference<>();
        CountDownLatch opened = new CountDownLatch(1);
        CountDownLatch looked = new CountDownLatch(workers);
        CountDownLatch leave = new CountDownLatch(1);
        ThreadObservation[] seen = new ThreadObservation[workers];
        long[] written = {-1};
        Throwable[] failure = new Throwable[1];
        List<Thread> started = new ArrayList<>();
        int writer = workers > 1 ? 1 : 0;
        SharedState.global = 0;
        int descriptors;
        try {
            for (int w = 0; w < workers; w++) {
                int index = w;
                Thread t = new Thread(() -> {
                    try {
                        long[] ids = ThreadSelf.pidAndTid();
                        Optional<String[]> regs = ThreadSelf.stackPointerAndPc();
                        heapList.add(index);
                        seen[index] = new ThreadObservation(index, ids[0], ids[1], regs.map(r -> r[0]),
                                regs.map(r -> r[1]), ThreadSelf.status("SigBlk"), ThreadSelf.status("SigCgt"),
                                ThreadSelf.status("Uid"), System.identityHashCode(heapList));
                        if (index == 0) {
                            SharedState.global = THREAD_WRITE;
                            channel.set(FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND));
                            opened.countDown();
                        }
                        if (index == writer && opened.await(10, TimeUnit.SECONDS)) {
                            written[0] = channel.get().write(ByteBuffer.wrap(
                                    "written through a descriptor another thread opened\n".getBytes(StandardCharsets.UTF_8)));
                        }
                    } catch (Throwable e) {
                        failure[0] = e;
                    } finally {
                        looked.countDown();
                    }
                    // stay alive until all have looked: live threads never share a TID
                    try {
                        leave.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }, "forklab-share-" + w);
                t.setDaemon(true);
                started.add(t);
                t.start();
            }
            while (!looked.await(50, TimeUnit.MILLISECONDS)) {
                deadline.check();
            }
            descriptors = ThreadSelf.descriptorsOpenOn(file);
        } finally {
            opened.countDown();
            leave.countDown();
            joinAll(started);
            FileChannel c = channel.get();
            if (c != null) {
                c.close();
            }
            Files.deleteIfExists(file);
        }
        if (failure[0] != null) {
            throw new IllegalStateException("a share thread failed: " + failure[0], failure[0]);
        }
        return new JavaThreadsView(ProcessHandle.current().pid(), List.of(seen), heapList.size(), SharedState.global,
                descriptors, written[0], threadStackBytes());
    }

    /** W child JVMs, each opening its own file; the parent has written its global and heap object first. */
    static JavaProcessesView javaProcesses(ShareConfig config, Deadline deadline) throws IOException, InterruptedException {
        SharedState.global = PARENT_VALUE;
        SharedState.HEAP.set(PARENT_HEAP);
        List<Path> files = new ArrayList<>();
        try {
            List<ChildSpec> specs = new ArrayList<>();
            for (int w = 0; w < config.workers(); w++) {
                Path file = Files.createTempFile("forklab-share-child-", ".txt");
                files.add(file);
                specs.add(Sandbox.spec(ShareChildMain.class, List.of(Integer.toString(w), file.toString()),
                        limits(config, deadline), List.of()));
            }
            int before = files.stream().mapToInt(ThreadSelf::descriptorsOpenOn).sum();
            List<ChildResult> children = Sandbox.runAll(specs);
            int after = files.stream().mapToInt(ThreadSelf::descriptorsOpenOn).sum();
            List<ProcessObservation> seen = new ArrayList<>();
            for (int w = 0; w < children.size(); w++) {
                ChildResult r = children.get(w);
                if (r.timedOut()) {
                    throw new ExperimentTimeoutException(config.timeLimit());
                }
                if (!r.succeeded()) {
                    throw new IllegalStateException("a share child failed: " + r.describeFailure());
                }
                Map<String, String> kv = keyValues(r);
                seen.add(new ProcessObservation(w, Long.parseLong(kv.get("pid")), Long.parseLong(kv.get("tid")),
                        Optional.ofNullable(kv.get("sp")), Optional.ofNullable(kv.get("pc")), kv.get("sigcgt"),
                        kv.get("uid"), kv.get("heap"), Long.parseLong(kv.get("global-seen")),
                        Long.parseLong(kv.get("global-written")), Integer.parseInt(kv.get("fd"))));
            }
            return new JavaProcessesView(ProcessHandle.current().pid(), seen, SharedState.HEAP.get(), SharedState.global,
                    before, after, ThreadSelf.status("SigCgt"), ThreadSelf.status("Uid"));
        } finally {
            SharedState.HEAP.set(SharedState.INITIAL);
            for (Path f : files) {
                Files.deleteIfExists(f);
            }
        }
    }

    /** Joins the threads even if this thread is interrupted meanwhile; the interrupt is kept. */
    private static void joinAll(List<Thread> threads) {
        boolean interrupted = false;
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        for (Thread t : threads) {
            while (t.isAlive() && System.nanoTime() < end) {
                try {
                    t.join(100);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static Map<String, String> keyValues(ChildResult r) {
        Map<String, String> kv = new HashMap<>();
        for (String line : r.stdoutLines()) {
            int space = line.indexOf(' ');
            if (space > 0) {
                kv.put(line.substring(0, space), line.substring(space + 1));
            }
        }
        return kv;
    }

    private static SandboxLimits limits(ShareConfig config, Deadline deadline) {
        long remaining = Math.max(100, deadline.remainingNanos() / 1_000_000);
        return config.sandbox().withTimeLimit(Duration.ofMillis(Math.min(remaining, config.sandbox().timeLimit().toMillis())));
    }

    /** HotSpot's ThreadStackSize (KiB) in bytes, or -1 where the JVM does not say. */
    static long threadStackBytes() {
        try {
            com.sun.management.HotSpotDiagnosticMXBean bean =
                    ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
            return Long.parseLong(bean.getVMOption("ThreadStackSize").getValue()) * 1024;
        } catch (RuntimeException | LinkageError e) {
            return -1;
        }
    }
}
