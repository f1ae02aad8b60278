package org.forklab.experiments.race;

import org.forklab.experiments.sandbox.ParentDeath;

import org.forklab.experiments.core.Deadline;

import java.time.Duration;

/**
 * The child JVM side of the race. Prints one line per trial as word pairs after the trial number:
 * <ul>
 *   <li>{@code process N T}: this process increments its own {@link #counter} N times per trial
 *       and prints {@code trial 0 count 1000000 start S end E} (System.nanoTime is
 *       CLOCK_MONOTONIC on Linux, so the parent can compare the intervals of its children);</li>
 *   <li>{@code threads VARIANT W N T}: W threads race here as in the parent (run with -Xint)
 *       and it prints {@code trial 0 count C loopns X overlapns O}.</li>
 * </ul>
 * The parent kills it at its own time limit.
 */
public final class RaceChildMain {
    /** The counter every process increments: the same field in every JVM, a separate copy in each. */
    static long counter;

    private RaceChildMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        ParentDeath.watch(); // never outlive the kernel, even one killed outright
        if (args[0].equals("process")) {
            long increments = Long.parseLong(args[1]);
            int trials = Integer.parseInt(args[2]);
            for (int t = 0; t < trials; t++) {
                counter = 0;
                long start = System.nanoTime();
                incrementOwnCopy(increments);
                long end = System.nanoTime();
                System.out.println("trial " + t + " count " + counter + " start " + start + " end " + end);
            }
        } else {
            // "interpreted mode" under -Xint: the parent checks it, so the label cannot lie
            System.out.println("vm " + System.getProperty("java.vm.info", "unknown"));
            Deadline forever = Deadline.after(Duration.ofDays(1));
            RaceVariant variant = RaceVariant.fromWord(args[1]);
            int workers = Integer.parseInt(args[2]);
            long increments = Long.parseLong(args[3]);
            int trials = Integer.parseInt(args[4]);
            for (int t = 0; t < trials; t++) {
                ThreadTrial.Outcome o = ThreadTrial.run(variant, workers, increments, forever);
                System.out.println("trial " + t + " count " + o.finalCount() + " loopns " + o.slowestLoopNanos()
                        + " overlapns " + o.overlapNanos());
            }
        }
        System.out.flush();
    }

    static void incrementOwnCopy(long increments) {
        for (long i = 0; i < increments; i++) {
            counter++;
        }
    }
}
