package org.forklab.experiments.race;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;

/** The shared counter of one trial, one field per variant so that each is incremented its own way. */
final class Counter {
    long plain;
    volatile long shared;
    final Object monitor = new Object();
    final ReentrantLock lock = new ReentrantLock();
    final AtomicLong atomic = new AtomicLong();
    final LongAdder adder = new LongAdder();

    /** Adds {@code times} the way {@code variant} does. Each method is small so the JIT treats each alike. */
    void add(RaceVariant variant, int times) {
        switch (variant) {
            case PLAIN, INTERPRETED, PROCESSES -> addPlain(times);
            case VOLATILE -> addVolatile(times);
            case SYNCHRONIZED -> addSynchronized(times);
            case LOCK -> addLocked(times);
            case ATOMIC -> addAtomic(times);
            case ADDER -> addAdder(times);
            default -> throw new IllegalArgumentException(variant + " does not run on Java threads");
        }
    }

    long value(RaceVariant variant) {
        return switch (variant) {
            case PLAIN, INTERPRETED, PROCESSES, SYNCHRONIZED, LOCK -> plainUnderLock();
            case VOLATILE -> shared;
            case ATOMIC -> atomic.get();
            case ADDER -> adder.sum();
            default -> throw new IllegalArgumentException(variant + " does not run on Java threads");
        };
    }

    private long plainUnderLock() {
        // read after the workers were joined: join gives happens-before, the lock is for clarity
        synchronized (monitor) {
            return plain;
        }
    }

    // A read-modify-write with no lock: C2 may keep 'plain' in a register for the whole loop.
    private void addPlain(int times) {
        for (int i = 0; i < times; i++) {
            plain++;
        }
    }

    // volatile forces a load and a store per increment, but two threads can still interleave them.
    private void addVolatile(int times) {
        for (int i = 0; i < times; i++) {
            shared++;
        }
    }

    private void addSynchronized(int times) {
        for (int i = 0; i < times; i++) {
            synchronized (monitor) {
                plain++;
            }
        }
    }

    private void addLocked(int times) {
        for (int i = 0; i < times; i++) {
            lock.lock();
            try {
                plain++;
            } finally {
                lock.unlock();
            }
        }
    }

    private void addAtomic(int times) {
        for (int i = 0; i < times; i++) {
            atomic.incrementAndGet();
        }
    }

    private void addAdder(int times) {
        for (int i = 0; i < times; i++) {
            adder.increment();
        }
    }
}
