package org.forklab.kernel.eval;

import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryNotificationInfo;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Stops a cell before it takes the whole heap. Cells run in the kernel's JVM, and an
 * OutOfMemoryError strikes whichever thread allocates next: in 2 of 3 trials that was one of the
 * kernel's own (shell, heartbeat, jeromq's I/O thread) and the front end saw a dead kernel.
 *
 * <p>So the old generation's pools get a collection-usage threshold: when a garbage collection
 * leaves them {@link #THRESHOLD_PERCENT}% full, the data is live, the JVM tells this watchdog
 * (on its own notification thread) and it stops the running cell. A reserve of heap is let go at
 * the same moment, so the kernel's threads have room while the cell unwinds. The cost: a cell
 * can use about {@value #THRESHOLD_PERCENT}% of the heap, not all of it, and the reserve
 * ({@link #reserveBytes()}) is heap no cell can use.
 */
final class HeapWatchdog implements AutoCloseable {
    static final int THRESHOLD_PERCENT = 85;
    /** The reserve: 1/32 of the heap, 4 to 32 MB. */
    private static final long MIN_RESERVE = 4L << 20;
    private static final long MAX_RESERVE = 32L << 20;

    private final Runnable onExhaustion;
    private final List<MemoryPoolMXBean> watched = new ArrayList<>();
    private final NotificationListener listener = this::notified;
    private final NotificationEmitter emitter;
    private volatile byte[] reserve;
    private volatile boolean fired;

    /** @param onExhaustion called, on the JVM's notification thread, when the heap is nearly full */
    HeapWatchdog(Runnable onExhaustion) {
        this.onExhaustion = onExhaustion;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.isCollectionUsageThresholdSupported()
                    && pool.getUsage().getMax() > 0 && isOldGeneration(pool)) {
                pool.setCollectionUsageThreshold(pool.getUsage().getMax() * THRESHOLD_PERCENT / 100);
                watched.add(pool);
            }
        }
        emitter = (NotificationEmitter) ManagementFactory.getMemoryMXBean();
        emitter.addNotificationListener(listener, null, null);
        rearm();
    }

    /** Young pools (eden, survivor) empty at every collection; the old one is where live data stays. */
    private static boolean isOldGeneration(MemoryPoolMXBean pool) {
        String name = pool.getName().toLowerCase(Locale.ROOT);
        return name.contains("old") || name.contains("tenured");
    }

    static long reserveBytes() {
        long max = Runtime.getRuntime().maxMemory();
        return Math.max(MIN_RESERVE, Math.min(MAX_RESERVE, max / 32));
    }

    private void notified(Notification notification, Object handback) {
        if (!MemoryNotificationInfo.MEMORY_COLLECTION_THRESHOLD_EXCEEDED.equals(notification.getType())) {
            return;
        }
        reserve = null;
        fired = true;
        onExhaustion.run();
    }

    /** Whether the threshold was crossed since {@link #rearm()}. */
    boolean fired() {
        return fired;
    }

    /** Let the reserve go now (an OutOfMemoryError reached a cell before the threshold did). */
    void releaseReserve() {
        reserve = null;
    }

    /** Before a cell: take the reserve back if the heap has room for it again. */
    void rearm() {
        fired = false;
        if (reserve == null && roomFor(reserveBytes())) {
            try {
                reserve = new byte[(int) reserveBytes()];
            } catch (OutOfMemoryError e) {
                reserve = null; // the next cell tries again
            }
        }
    }

    private boolean roomFor(long bytes) {
        for (MemoryPoolMXBean pool : watched) {
            MemoryUsage usage = pool.getCollectionUsage();
            if (usage != null && usage.getMax() > 0 && usage.getUsed() + bytes > pool.getCollectionUsageThreshold()) {
                return false;
            }
        }
        return true;
    }

    /** "412 MB of 512 MB", for the student's message. */
    static String heapFigures() {
        Runtime runtime = Runtime.getRuntime();
        long used = runtime.totalMemory() - runtime.freeMemory();
        return String.format(Locale.ROOT, "%,d MB of %,d MB", used >> 20, runtime.maxMemory() >> 20);
    }

    @Override
    public void close() {
        try {
            emitter.removeNotificationListener(listener);
        } catch (javax.management.ListenerNotFoundException e) {
            // already gone
        }
    }
}
