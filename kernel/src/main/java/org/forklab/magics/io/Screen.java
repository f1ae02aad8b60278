package org.forklab.magics.io;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import java.io.PrintStream;

/**
 * Where a magic's output goes: the cell's two streams and its rich displays. A kernel-backed
 * screen sends displays to the front end; tests use a recording one.
 */
public interface Screen {
    PrintStream out();

    PrintStream err();

    /** Shows a new display (a display_id in {@code data} makes it updatable). */
    void display(DisplayData data);

    /** Replaces the display that carries {@code data}'s display_id. */
    void update(DisplayData data);
}
