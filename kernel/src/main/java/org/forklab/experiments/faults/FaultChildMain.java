package org.forklab.experiments.faults;

import org.forklab.experiments.sandbox.ParentDeath;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The sandbox side of the fault experiment, one child JVM. Prints one line per event, so the
 * parent learns what happened even when this JVM dies half-way:
 * {@code done I} (a worker completed), {@code died I ErrorClass} (a worker's thread ended with an
 * uncaught throwable), {@code decision I right|wrong} (corruption), {@code end} (the container
 * reached its last line).
 * <ul>
 *   <li>{@code threads KIND W FAULTY WORK_MS}: W threads here. The faulty one runs first, alone; the
 *       others wait at a gate that opens only after it has ended, so the outcome does not
 *       depend on timing: if the fault takes the process down, no other worker has finished.</li>
 *   <li>{@code process KIND I FAULTY(true|false) WORK_MS}: this JVM is worker I, alone, on its main
 *       thread; an uncaught throwable there ends the JVM with status 1.</li>
 * </ul>
 */
public final class FaultChildMain {
    private static long workMillis;

    private FaultChildMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        ParentDeath.watch(); // never outlive the kernel, even one killed outright
        FaultKind kind = FaultKind.fromWord(args[1]);
        if (args[0].equals("threads")) {
            workMillis = Long.parseLong(args[4]);
            threads(kind, Integer.parseInt(args[2]), Integer.parseInt(args[3]));
        } else {
            workMillis = Long.parseLong(args[4]);
            process(kind, Integer.parseInt(args[2]), Boolean.parseBoolean(args[3]));
        }
        say("end");
    }

    private static void threads(FaultKind kind, int workers, int faulty) throws InterruptedException {
        Board board = new Board(workers);
        board.markVerified();
        CountDownLatch gate = new CountDownLatch(1);
        List<Thread> healthy = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            if (w == faulty) {
                continue;
            }
            int index = w;
            healthy.add(worker(index, () -> {
                awaitGate(gate);
                healthyWork(kind, index, board);
            }));
        }
        Thread bad = worker(faulty, () -> faultyWork(kind, faulty, board));
        bad.join();
        gate.countDown();
        for (Thread t : healthy) {
            t.join();
        }
    }

    /** The worker runs on the main thread: if it dies, the process ends as a crashed program would. */
    private static void process(FaultKind kind, int index, boolean faulty) {
        Board board = new Board(index + 1);
        board.markVerified();
        Thread.currentThread().setUncaughtExceptionHandler(dyingLine(index));
        if (faulty) {
            faultyWork(kind, index, board);
        } else {
            healthyWork(kind, index, board);
        }
    }

    private static Thread worker(int index, Runnable body) {
        Thread t = new Thread(body, "worker-" + index);
        // Instead of the default stack trace: one line the parent can parse.
        t.setUncaughtExceptionHandler(dyingLine(index));
        t.start();
        return t;
    }

    private static Thread.UncaughtExceptionHandler dyingLine(int index) {
        return (thread, e) -> say("died " + index + " " + e.getClass().getName());
    }

    private static void faultyWork(FaultKind kind, int index, Board board) {
        if (kind == FaultKind.CORRUPTION) {
            board.reportAndClearAsIfPrivate(index);
            say("done " + index);
        } else {
            Faults.inject(kind, index);
            say("done " + index);
        }
    }

    private static void healthyWork(FaultKind kind, int index, Board board) {
        try {
            Thread.sleep(workMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (kind == FaultKind.CORRUPTION) {
            // the configuration was verified before any worker started, so "right" means proceed
            say("decision " + index + (board.verified() ? " right" : " wrong"));
            board.report(index);
        }
        say("done " + index);
    }

    private static void awaitGate(CountDownLatch gate) {
        try {
            gate.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static synchronized void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
