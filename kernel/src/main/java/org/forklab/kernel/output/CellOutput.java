package org.forklab.kernel.output;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A cell's stdout and stderr while it runs: {@link CellStream}s, published by a timer every
 * {@link #PUBLISH_EVERY_MILLIS} ms so a cell that prints a line now and then is seen at once.
 */
public final class CellOutput {
    static final long PUBLISH_EVERY_MILLIS = 50;
    /** Per stream and cell: about 150,000 short lines, as much as a notebook shows usefully. */
    public static final long SHOWN_LIMIT_BYTES = 2_000_000;

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "forklab-output");
        thread.setDaemon(true);
        return thread;
    });

    private final CellStream out;
    private final CellStream err;
    public final PrintStream stdout;
    public final PrintStream stderr;
    private final java.util.concurrent.ScheduledFuture<?> ticking;

    /** @param directory where output past the limit goes, as cell-N-stdout.txt and cell-N-stderr.txt */
    public CellOutput(Consumer<String> toStdout, Consumer<String> toStderr, Path directory, int cell) {
        out = new CellStream(toStdout, SHOWN_LIMIT_BYTES, directory.resolve("cell-" + cell + "-stdout.txt"));
        err = new CellStream(toStderr, SHOWN_LIMIT_BYTES, directory.resolve("cell-" + cell + "-stderr.txt"));
        // Not auto-flushing: a flush per line was a message per line.
        stdout = new PrintStream(out, false, StandardCharsets.UTF_8);
        stderr = new PrintStream(err, false, StandardCharsets.UTF_8);
        ticking = TIMER.scheduleWithFixedDelay(this::publish, PUBLISH_EVERY_MILLIS, PUBLISH_EVERY_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    private void publish() {
        try {
            stdout.flush();
            stderr.flush();
        } catch (RuntimeException | Error e) {
            // The timer must keep running for the next cell; this cell's text goes out at its end.
        }
    }

    /** The cell ended: everything it printed is published (or its diversion noted) before the reply. */
    public void finish() {
        ticking.cancel(false);
        stdout.flush();
        stderr.flush();
        out.finish();
        err.finish();
    }
}
