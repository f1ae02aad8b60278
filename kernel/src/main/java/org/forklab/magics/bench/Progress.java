package org.forklab.magics.bench;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import java.util.Locale;
import java.util.UUID;

/**
 * A progress line shown while an experiment runs, updated in place (update_display_data) and at
 * the end replaced by the result itself, so a finished cell holds one display, not two.
 */
public final class Progress {
    private static final long MIN_UPDATE_NANOS = 150_000_000L;
    private final Screen screen;
    private final String id = "forklab-" + UUID.randomUUID();
    private final String title;
    private long lastUpdate;
    private boolean closed;

    private Progress(Screen screen, String title) {
        this.screen = screen;
        this.title = title;
    }

    /** Shows "title: starting" under a fresh display id. */
    public static Progress start(Screen screen, String title) {
        Progress progress = new Progress(screen, title);
        screen.display(progress.line("starting", 0, 0));
        progress.lastUpdate = System.nanoTime();
        return progress;
    }

    public String displayId() {
        return id;
    }

    /**
     * Reports step {@code done} of {@code total} (total 0 when unknown). Updates at most every
     * 150 ms, except the last step, so a fast loop does not flood the front end.
     */
    public void step(String what, int done, int total) {
        long now = System.nanoTime();
        if (closed || (now - lastUpdate < MIN_UPDATE_NANOS && done != total)) {
            return;
        }
        lastUpdate = now;
        screen.update(line(what, done, total));
    }

    /** Replaces the progress line with the result. */
    public void finish(Bundle result) {
        closed = true;
        screen.update(result.toDisplayData(id));
    }

    /** Replaces the progress line with a note that the run stopped, and why. */
    public void stopped(String why) {
        if (!closed) {
            closed = true;
            DisplayData data = new DisplayData(title + ": stopped (" + why + ")");
            data.putHTML("<div class=\"forklab-progress\">" + Html.escape(title) + ": stopped ("
                    + Html.escape(why) + ")</div>");
            data.setDisplayId(id);
            screen.update(data);
        }
    }

    private DisplayData line(String what, int done, int total) {
        String count = total > 0 ? String.format(Locale.ROOT, " (%d/%d)", done, total) : "";
        DisplayData data = new DisplayData(title + ": " + what + count + " …");
        String bar = total > 0 ? "<progress value=\"" + done + "\" max=\"" + total + "\"></progress> " : "";
        data.putHTML("<div class=\"forklab-progress\">" + bar + Html.escape(title) + ": " + Html.escape(what)
                + Html.escape(count) + " …</div>");
        data.setDisplayId(id);
        return data;
    }
}
