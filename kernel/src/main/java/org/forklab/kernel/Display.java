package org.forklab.kernel;

import io.github.spencerpark.jupyter.kernel.BaseKernel;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;

import java.util.UUID;

/**
 * Rich output from a cell, as in IJava: every cell imports these statically, so
 * {@code display(chart)}, {@code render(table, "text/html")} and {@code updateDisplay(id, obj)}
 * work unqualified.
 */
public final class Display {
    private static volatile BaseKernel kernel;

    private Display() {
    }

    /** Called once by the kernel that cells run in. */
    static void attach(BaseKernel host) {
        kernel = host;
    }

    private static BaseKernel kernel() {
        BaseKernel host = kernel;
        if (host == null) {
            throw new IllegalStateException("display needs a running forklab kernel");
        }
        return host;
    }

    /** Renders {@code o} with the renderer's preferred types. */
    public static DisplayData render(Object o) {
        return kernel().getRenderer().render(o);
    }

    /** Renders {@code o} as the given MIME types (e.g. "text/html", "image/svg+xml"). */
    public static DisplayData render(Object o, String... as) {
        return kernel().getRenderer().renderAs(o, as);
    }

    /** Shows {@code o} now and returns the display id to update it later. */
    public static String display(Object o) {
        return show(render(o));
    }

    /** Shows {@code o} as the given MIME types and returns the display id. */
    public static String display(Object o, String... as) {
        return show(render(o, as));
    }

    /** Replaces what display id {@code id} shows with {@code o}. */
    public static void updateDisplay(String id, Object o) {
        DisplayData data = render(o);
        kernel().getIO().display.updateDisplay(id, data);
    }

    /** Replaces what display id {@code id} shows with {@code o} rendered as the given types. */
    public static void updateDisplay(String id, Object o, String... as) {
        DisplayData data = render(o, as);
        kernel().getIO().display.updateDisplay(id, data);
    }

    private static String show(DisplayData data) {
        if (!data.hasDisplayId()) {
            data.setDisplayId(UUID.randomUUID().toString());
        }
        kernel().display(data);
        return data.getDisplayId();
    }
}
