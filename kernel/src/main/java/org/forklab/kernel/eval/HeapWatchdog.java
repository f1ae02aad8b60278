package org.forklab.kernel.eval;

import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryNotificationInfo;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.SoftReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Stops a cell before it takes the whole heap. Cells run in the kernel's JVM, and an
 * OutOfMemoryError strikes whichever thread allocates next: in 2 of 3 trials that was one of the
 * kernel's own (shell, heartbeat, jeromq's I/O thread) and the front end saw a dead kernel.
 *
 * <p>Two signals stop the running cell:
 * <ul>
 * <li>The old generation's pools get a collection-usage threshold: when a garbage collection
 *     leaves them {@link #THRESHOLD_PERCENT}% full, the data is live, and the JVM tells this
 *     watchdog on its notification thread. That notice is late as often as not: on JDK 17 it came
 *     after the cell's OutOfMemoryError, and on JDK 25 (where G1's concurrent cycle reports too)
 *     a cell allocating 8 MB a turn filled the rest of the heap before its stop took effect.</li>
 * <li>So there is a reserve, held through a {@link SoftReference}. The JVM clears soft references
 *     in the very collection that finds the heap exhausted, before it throws, so the reserve
 *     comes free at that moment without anyone's help, and the kernel's threads have room while
 *     the cell is stopped: at its next loop turn the cell's own code sees the reserve gone and
 *     throws ({@link HeapGate}); for loops inside library code a thread of this watchdog hears of
 *     the clearing and stops the cell. With a reserve freed by hand, the heap ran full for a
 *     moment all the same; a thread dump then showed jeromq's I/O thread, the heartbeat and the
 *     control loop killed by OutOfMemoryError, and the kernel deaf. The JVM also clears a soft
 *     reference that has not been read for (free heap in MB) seconds; this watchdog reads it every
 *     {@value #TOUCH_MILLIS} ms, so only a heap with less than about half a megabyte free loses it.</li>
 * </ul>
 * The cost: a cell can use about {@value #THRESHOLD_PERCENT}% of the heap less the reserve
 * ({@link #reserveBytes()}), not all of it. A notice that comes after the cell already ended (the
 * collection is no longer above the threshold) is ignored, so it cannot stop the next cell.
 */
final class HeapWatchdog implements AutoCloseable {
    static final int THRESHOLD_PERCENT = 85;
    /** The reserve: 1/8 of the heap, 8 to 64 MB; enough for several turns of a cell's loop. */
    private static final long MIN_RESERVE = 8L << 20;
    private static final long MAX_RESERVE = 64L << 20;
    static final long TOUCH_MILLIS = 500;

    private final Runnable onExhaustion;
    private final List<MemoryPoolMXBean> watched = new ArrayList<>();
    private final NotificationListener listener = this::notified;
    private final NotificationEmitter emitter;
    private final ReferenceQueue<byte[]> cleared = new ReferenceQueue<>();
    private final Thread clearingWatcher;
    private volatile SoftReference<byte[]> reserve;
    private volatile boolean fired;
    /** Whether the heap was already past the threshold when the running cell began. */
    private volatile boolean exceededAtStart;

    /** @param onExhaustion called, on a thread of the JVM or of this watchdog, when the heap is nearly full */
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
        clearingWatcher = new Thread(this::watchClearing, "forklab-heap-reserve");
        clearingWatcher.setDaemon(true);
        clearingWatcher.start();
        rearm();
    }

    /** Young pools (eden, survivor) empty at every collection; the old one is where live data stays. */
    private static boolean isOldGeneration(MemoryPoolMXBean pool) {
        String name = pool.getName().toLowerCase(Locale.ROOT);
        return name.contains("old") || name.contains("tenured");
    }

    static long reserveBytes() {
        long max = Runtime.getRuntime().maxMemory();
        return Math.max(MIN_RESERVE, Math.min(MAX_RESERVE, max / 8));
    }

    private void notified(Notification notification, Object handback) {
        if (MemoryNotificationInfo.MEMORY_COLLECTION_THRESHOLD_EXCEEDED.equals(notification.getType())) {
            exhaustionSeen();
        }
    }

    /**
     * The JVM cleared the reserve: the heap ran out (or nearly: soft references not used for a
     * while also go when little is free). Only the first counts as exhaustion, checked below.
     */
    private void watchClearing() {
        while (true) {
            try {
                if (cleared.remove(TOUCH_MILLIS) != null) {
                    exhaustionSeen();
                }
                SoftReference<byte[]> held = reserve;
                if (held != null) {
                    held.get(); // renews its age, see the class comment
                }
            } catch (InterruptedException e) {
                return; // closed
            } catch (Throwable e) {
                // A full heap for a moment; the next clearing is heard again.
            }
        }
    }

    private void exhaustionSeen() {
        if (exceededNow()) {
            fired = true;
            onExhaustion.run();
        }
    }

    /** Whether the last collection left a watched pool past the threshold (no allocation: safe on a full heap). */
    private boolean exceededNow() {
        for (int i = 0; i < watched.size(); i++) {
            if (watched.get(i).isCollectionUsageThresholdExceeded()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the running cell filled the heap: the watchdog fired, or a collection during the cell
     * left the old generation past the threshold. Asked on the cell's thread, at once, because the
     * notification may not have arrived yet.
     */
    boolean exhausted() {
        return fired || (!exceededAtStart && exceededNow());
    }

    /** Let the reserve go now (the cell filled the heap and its thread is unwinding). */
    void releaseReserve() {
        SoftReference<byte[]> held = reserve;
        if (held != null) {
            held.clear(); // HeapGate then fails the rest of this cell's loops too
        }
        reserve = null;
    }

    /** Before a cell: take the reserve back if the heap has room for it again, and note the heap's state. */
    void rearm() {
        fired = false;
        exceededAtStart = exceededNow();
        SoftReference<byte[]> held = reserve;
        if ((held == null || held.get() == null) && !exceededAtStart) {
            try {
                // get() above also renews the reserve's age, so that the JVM keeps it until the heap is short.
                reserve = new SoftReference<>(new byte[(int) reserveBytes()], cleared);
            } catch (OutOfMemoryError e) {
                reserve = null; // the next cell tries again
            }
        }
        HeapGate.watch(reserve);
    }

    /** "412 MB of 512 MB", for the student's message. */
    static String heapFigures() {
        Runtime runtime = Runtime.getRuntime();
        long used = runtime.totalMemory() - runtime.freeMemory();
        return String.format(Locale.ROOT, "%,d MB of %,d MB", used >> 20, runtime.maxMemory() >> 20);
    }

    @Override
    public void close() {
        clearingWatcher.interrupt();
        try {
            emitter.removeNotificationListener(listener);
        } catch (javax.management.ListenerNotFoundException e) {
            // already gone
        }
    }
}
