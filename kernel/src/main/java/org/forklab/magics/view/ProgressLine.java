package org.forklab.magics.view;

import org.forklab.experiments.core.ProgressListener;
import org.forklab.magics.io.Progress;

/**
 * The one adapter from an experiment's phases to the progress line a magic shows. It remembers
 * how many phases the run announced, so that the view's work after the last one reads as the
 * final part ("statistics and chart, part N of N").
 */
final class ProgressLine implements ProgressListener {
    private final Progress progress;
    private int total;

    ProgressLine(Progress progress) {
        this.progress = progress;
    }

    @Override
    public void phase(String what, int done, int total) {
        this.total = total;
        progress.step(what, done, total);
    }

    /** After the measurement: the statistics and chart, when the run announced counted phases. */
    void measured() {
        if (total > 0) {
            progress.step("statistics and chart", total, total);
        }
    }
}
