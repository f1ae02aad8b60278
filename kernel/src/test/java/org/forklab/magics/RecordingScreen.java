package org.forklab.magics;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.forklab.magics.io.Bench;
import org.forklab.magics.io.Screen;
import org.forklab.magics.io.Session;

/** A screen that keeps everything a magic shows, for assertions. */
final class RecordingScreen implements Screen {
    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);
    final List<DisplayData> displays = new ArrayList<>();
    final List<DisplayData> updates = new ArrayList<>();
    final List<String> bound = new ArrayList<>();
    final List<Object> boundValues = new ArrayList<>();
    final List<Class<?>> boundTypes = new ArrayList<>();

    @Override
    public PrintStream out() {
        return out;
    }

    @Override
    public PrintStream err() {
        return err;
    }

    @Override
    public synchronized void display(DisplayData data) {
        displays.add(data);
    }

    @Override
    public synchronized void update(DisplayData data) {
        updates.add(data);
    }

    String outText() {
        return outBytes.toString(StandardCharsets.UTF_8);
    }

    String errText() {
        return errBytes.toString(StandardCharsets.UTF_8);
    }

    Bench bench() {
        return new Bench(this, (name, type, value) -> {
            bound.add(name);
            boundValues.add(value);
            boundTypes.add(type);
            return false;
        }, Session.current());
    }

    /** The display the user finally sees: the last update of a progress display, else the last display. */
    DisplayData finalDisplay() {
        if (!updates.isEmpty()) {
            return updates.get(updates.size() - 1);
        }
        return displays.get(displays.size() - 1);
    }
}
