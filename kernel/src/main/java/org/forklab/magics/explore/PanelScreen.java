package org.forklab.magics.explore;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.forklab.magics.io.Screen;
import org.forklab.widgets.Output;

/**
 * The screen of one panel run: the magic's progress and result go to the panel's output area
 * (whatever display id the magic picks, the panel has one area), its text is kept for the run's
 * status line, and the last display is kept as the static bundle.
 */
final class PanelScreen implements Screen {
    private final Output output;
    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);
    private volatile DisplayData last;

    PanelScreen(Output output) {
        this.output = output;
    }

    @Override
    public PrintStream out() {
        return out;
    }

    @Override
    public PrintStream err() {
        return err;
    }

    @Override
    public void display(DisplayData data) {
        last = data;
        if (output != null) {
            output.show(data);
        }
    }

    @Override
    public void update(DisplayData data) {
        display(data);
    }

    DisplayData last() {
        return last;
    }

    String text() {
        return outBytes.toString(StandardCharsets.UTF_8) + errBytes.toString(StandardCharsets.UTF_8);
    }
}
