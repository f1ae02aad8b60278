package org.forklab.experiments.ipc;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The classic bounded buffer between threads: a ring of {@code capacity} items guarded by one
 * lock, with two conditions so that each side sleeps only on what concerns it: a producer on
 * "not full", a consumer on "not empty". Each side signals the other's condition after it
 * changes the count. Waits are in loops because a woken thread must re-check (another thread
 * may have got there first, and spurious wake-ups are allowed).
 */
public final class BoundedBuffer {
    private final long[] items;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notFull = lock.newCondition();
    private final Condition notEmpty = lock.newCondition();
    private int head;
    private int count;

    public BoundedBuffer(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        items = new long[capacity];
    }

    public void put(long item) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (count == items.length) {
                notFull.await();
            }
            items[(head + count) % items.length] = item;
            count++;
            notEmpty.signal();
        } finally {
            lock.unlock();
        }
    }

    public long take() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (count == 0) {
                notEmpty.await();
            }
            long item = items[head];
            head = (head + 1) % items.length;
            count--;
            notFull.signal();
            return item;
        } finally {
            lock.unlock();
        }
    }

    public int capacity() {
        return items.length;
    }
}
