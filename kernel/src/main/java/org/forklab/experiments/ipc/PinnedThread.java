package org.forklab.experiments.ipc;

import org.forklab.experiments.core.Joins;
import org.forklab.experiments.switching.ThreadPinning;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs one piece of the experiment on a thread started for it, pinned to a CPU when the
 * placement asks, so the caller's own thread (in a notebook, the kernel's) is never pinned. An
 * interrupt of the caller is passed on and raises {@code stop}, which the guard that kills a
 * child peer watches: a worker blocked in a pipe read cannot be woken any other way.
 */
final class PinnedThread {
    private PinnedThread() {
    }

    static <T> T call(String name, Optional<String> cpus, AtomicBoolean stop, Callable<T> work)
            throws IOException, InterruptedException {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Exception> failure = new AtomicReference<>();
        Thread worker = new Thread(() -> {
            try {
                if (cpus.isPresent()) {
                    ThreadPinning.pinCurrentThread(cpus.get());
                }
                result.set(work.call());
            } catch (Exception e) {
                failure.set(e);
            }
        }, name);
        worker.setDaemon(true);
        worker.start();
        try {
            worker.join();
        } catch (InterruptedException e) {
            stop.set(true);
            worker.interrupt();
            Joins.uninterruptibly(worker);
            throw new InterruptedException("interrupted");
        }
        Exception e = failure.get();
        if (e instanceof IOException io) {
            throw io;
        }
        if (e instanceof InterruptedException ie) {
            throw ie;
        }
        if (e instanceof RuntimeException re) {
            throw re;
        }
        if (e != null) {
            throw new IOException(e);
        }
        return result.get();
    }
}
