package org.forklab.kernel;

import io.github.spencerpark.jupyter.channels.ShellReplyEnvironment;
import io.github.spencerpark.jupyter.kernel.BaseKernel;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.messages.publish.PublishClearOutput;

import java.util.UUID;

/**
 * Rich output from a cell, as in IJava: every cell imports these statically, so
 * {@code display(chart)}, {@code render(table, "text/html")} and {@code updateDisplay(id, obj)}
 * work unqualified, and {@code clearOutput()} as IPython's {@code clear_output()}.
 */
public final class Display {
    private static volatile BaseKernel kernel;
    /** The running cell's channel to the front end; null between cells. */
    private static volatile ShellReplyEnvironment runningCell;

    private Display() {
    }

    /** Called once by the kernel that cells run in. */
    static void attach(BaseKernel host) {
        kernel = host;
    }

    /** Called by the execute handler as a cell starts (its environment) and ends (null). */
    public static void cellRunning(ShellReplyEnvironment env) {
        runningCell = env;
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

    /** Clears what the running cell has shown so far. */
    public static void clearOutput() {
        clearOutput(false);
    }

    /**
     * Clears what the running cell has shown so far; with {@code wait}, the front end clears only
     * when the next output arrives, so a loop that redraws each round does not flicker.
     */
    public static void clearOutput(boolean wait) {
        ShellReplyEnvironment env = runningCell;
        if (env == null) {
            throw new IllegalStateException("clearOutput works only while a cell runs");
        }
        // Text printed before the call must reach the front end before the clear, not after it.
        System.out.flush();
        System.err.flush();
        env.publish(wait ? PublishClearOutput.BEFORE_NEXT_OUTPUT : PublishClearOutput.NOW);
    }

    private static String show(DisplayData data) {
        System.out.flush(); // text printed before the display comes before it
        System.err.flush();
        if (!data.hasDisplayId()) {
            data.setDisplayId(UUID.randomUUID().toString());
        }
        kernel().display(data);
        return data.getDisplayId();
    }
}
