package org.forklab.magics.view;

import java.util.function.Function;
import org.forklab.experiments.core.Measured;
import org.forklab.experiments.core.ProgressListener;
import org.forklab.experiments.core.RunConditions;
import org.forklab.magics.io.Bench;
import org.forklab.magics.io.Bundle;
import org.forklab.magics.io.Progress;
import org.forklab.magics.parse.ResultOptions;
import org.forklab.magics.readings.Readings;
import org.forklab.magics.save.ResultFiles;

/**
 * The common end of every experiment magic: record the result in the session, bind it, save it,
 * and replace the progress display with the result's bundle, opened by the run's reading.
 */
public final class ExperimentRun {
    private ExperimentRun() {
    }

    /** Measures the result, announcing its phases to the listener (the experiment's own {@code run(config, listener)}). */
    @FunctionalInterface
    public interface Work<R> {
        R run(ProgressListener progress) throws Exception;
    }

    /**
     * The whole life of an experiment magic: a progress display (its clock stopped on every
     * path), the work, then {@link #finish}; a failure replaces the progress line with why.
     */
    public static <R> void run(Bench bench, String source, Work<R> work, Function<R, Bundle> view,
                               ResultOptions options) throws Exception {
        try (Progress progress = bench.progress(source)) {
            R result;
            RunConditions.Started started = RunConditions.begin();
            ProgressLine line = new ProgressLine(progress);
            try {
                result = work.run(line);
                line.measured();
            } catch (Exception | Error e) {
                progress.stopped(e instanceof InterruptedException ? "interrupted" : String.valueOf(e.getMessage()));
                throw e;
            }
            finish(bench, progress, source, result,
                    Readings.first(result, withConditions(view.apply(result), started.finish())), options);
        }
    }

    /** The bundle with one line on the load and steal that bracketed the run. */
    static Bundle withConditions(Bundle bundle, RunConditions conditions) {
        String line = "conditions: " + conditions.sentence();
        String p = "<p><small>" + org.forklab.stats.format.Html.escape(line) + "</small></p>\n";
        String html = bundle.html();
        int end = html.lastIndexOf("</div>");
        // inside the result's own block when it has one, so the line belongs to the result
        html = end >= 0 && html.substring(end + "</div>".length()).isBlank()
                ? html.substring(0, end) + p + html.substring(end) : html + p;
        return new Bundle(bundle.text() + line + "\n", html, bundle.chart());
    }

    public static void finish(Bench bench, Progress progress, String source, Object result, Bundle bundle,
                              ResultOptions options) {
        bench.session().record(source, result);
        bench.bind(options.as, result);
        Bundle shown = bundle;
        if (options.save != null && result instanceof Measured measured) {
            String saved;
            try {
                saved = ResultFiles.save(options.save, source, measured).toString();
            } catch (RuntimeException e) {
                progress.finish(bundle); // the measurement stays on screen; the error line follows it
                throw e;
            }
            shown = new Bundle(bundle.text() + "saved: " + saved + " and its .csv\n",
                    bundle.html() + "<p><small>saved: " + org.forklab.stats.format.Html.escape(saved)
                            + " and its .csv</small></p>\n", bundle.chart());
        }
        progress.finish(shown);
    }
}
