package org.forklab.magics.io;

import org.forklab.stats.format.Html;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import java.util.Locale;
import java.util.UUID;

/**
 * A progress line shown while an experiment runs, updated in place (update_display_data) and at
 * the end replaced by the result itself, so a finished cell holds one display, not two.
 *
 * <p>Besides the steps the magic reports, a clock thread redraws the line every second with the
 * time elapsed, so a long step (a thousand connections, a child JVM starting) still shows that
 * the kernel is working. The clock stops on {@link #finish}, {@link #stopped} and {@link #close};
 * use the progress in try-with-resources so that no path leaves it running.
 */
public final class Progress implements AutoCloseable {
    private static final long MIN_UPDATE_NANOS = 150_000_000L;
    private static final long CLOCK_MILLIS = 1_000;
    private final Screen screen;
    private final String id = "forklab-" + UUID.randomUUID();
    private final String title;
    private final long started = System.nanoTime();
    private final Thread clock;
    private long lastUpdate;
    private String what = "starting";
    private int done;
    private int total;
    private boolean closed;

    private Progress(Screen screen, String title) {
        this.screen = screen;
        this.title = title;
        this.clock = new Thread(this::tick, "forklab-progress-clock");
        clock.setDaemon(true);
    }

    /** Shows "title: starting" under a fresh display id and starts the clock. */
    public static Progress start(Screen screen, String title) {
        Progress progress = new Progress(screen, title);
        synchronized (progress) {
            screen.display(progress.line());
            progress.lastUpdate = System.nanoTime();
        }
        progress.clock.start();
        return progress;
    }

    public String displayId() {
        return id;
    }

    /**
     * Reports step {@code done} of {@code total} (total 0 when unknown). Updates at most every
     * 150 ms, except the last step, so a fast loop does not flood the front end.
     */
    public synchronized void step(String what, int done, int total) {
        if (closed) {
            return;
        }
        this.what = what;
        this.done = done;
        this.total = total;
        long now = System.nanoTime();
        if (now - lastUpdate < MIN_UPDATE_NANOS && done != total) {
            return;
        }
        lastUpdate = now;
        screen.update(line());
    }

    /** Replaces the progress line with the result. */
    public void finish(Bundle result) {
        synchronized (this) {
            closed = true;
            screen.update(result.toDisplayData(id));
        }
        stopClock();
    }

    /** Replaces the progress line with a note that the run stopped, and why. */
    public void stopped(String why) {
        synchronized (this) {
            if (!closed) {
                closed = true;
                DisplayData data = new DisplayData(title + ": stopped (" + why + ")");
                data.putHTML("<div class=\"forklab-progress\">" + Html.escape(title) + ": stopped ("
                        + Html.escape(why) + ")</div>");
                data.setDisplayId(id);
                screen.update(data);
            }
        }
        stopClock();
    }

    /** Stops the clock; a progress closed without a result says so rather than staying "running". */
    @Override
    public void close() {
        stopped("ended without a result");
    }

    /** Whether the clock thread still runs (for tests). */
    public boolean clockRunning() {
        return clock.isAlive();
    }

    private void stopClock() {
        clock.interrupt();
        if (Thread.currentThread() != clock) {
            boolean interrupted = Thread.interrupted(); // join even when the kernel interrupted this thread
            try {
                clock.join(2_000);
            } catch (InterruptedException e) {
                interrupted = true;
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private void tick() {
        try {
            while (true) {
                Thread.sleep(CLOCK_MILLIS);
                synchronized (this) {
                    if (closed) {
                        return;
                    }
                    lastUpdate = System.nanoTime();
                    screen.update(line());
                }
            }
        } catch (InterruptedException e) {
            // stopped: the result or the reason it stopped has replaced the line
        } catch (RuntimeException e) {
            // the front end went away (kernel shutting down): nothing left to show progress on
        }
    }

    private DisplayData line() {
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        // The part being run, not the parts finished: while the second of two runs it reads "part 2 of 2".
        String count = total > 0 ? String.format(Locale.ROOT, ", part %d of %d", Math.min(done + 1, total), total) : "";
        String elapsed = seconds > 0 ? String.format(Locale.ROOT, ", %d s", seconds) : "";
        DisplayData data = new DisplayData(title + ": " + what + count + " …" + elapsed);
        String bar = total > 0 ? "<progress value=\"" + done + "\" max=\"" + total + "\"></progress> " : "";
        data.putHTML("<div class=\"forklab-progress\">" + bar + Html.escape(title) + ": " + Html.escape(what)
                + Html.escape(count) + " …" + Html.escape(elapsed) + "</div>");
        data.setDisplayId(id);
        return data;
    }
}
