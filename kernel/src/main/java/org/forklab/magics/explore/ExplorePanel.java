package org.forklab.magics.explore;

import org.forklab.spi.MagicCommandLine;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.forklab.magics.MagicCall;
import org.forklab.magics.io.Bench;
import org.forklab.stats.format.Html;
import org.forklab.spi.UsageError;
import org.forklab.widgets.Box;
import org.forklab.widgets.Button;
import org.forklab.widgets.DomWidget;
import org.forklab.widgets.Label;
import org.forklab.widgets.Output;
import org.forklab.widgets.Widget;

/**
 * A magic's panel on screen: its controls, a Run button with a status line that names the
 * arguments of the last run, and an output area with that run's progress and result. The cell's
 * own output also carries the first result as HTML, which is what a notebook shows without a
 * live kernel (nbconvert, the published site), under a line saying so.
 */
public final class ExplorePanel {
    private final PanelSpec spec;
    private final PanelControls controls;
    private final Bench cellBench;
    private final Output output = new Output();
    private final Label status = new Label("");
    private final Explorer explorer;

    private ExplorePanel(PanelSpec spec, Bench cellBench) {
        this.spec = spec;
        this.controls = new PanelControls(spec);
        this.cellBench = cellBench;
        this.explorer = new Explorer(spec.magic().name(), this::runOnce);
    }

    public static ExplorePanel show(PanelSpec spec, Bench bench, boolean runNow) throws InterruptedException {
        ExplorePanel panel = new ExplorePanel(spec, bench);
        DisplayData first = null;
        if (runNow) {
            first = panel.runOnce(0, panel.controls.args());
        } else {
            panel.status.value("move a control or press Run: " + panel.commandLine(panel.controls.args()));
        }
        bench.screen().display(panel.bundle(first));
        return panel;
    }

    /** Runs the magic once and shows it in the output area; returns its last display. */
    private DisplayData runOnce(long number, List<String> args) throws InterruptedException {
        String line = commandLine(args);
        status.value("running: " + line);
        PanelScreen screen = new PanelScreen(output);
        Bench bench = new Bench(screen, (name, type, value) -> {
            cellBench.bind(name, value);
            return true;
        }, cellBench.session());
        long start = System.nanoTime();
        try {
            MagicCall.line(spec.magic(), args, bench);
            status.value(String.format(Locale.ROOT, "%s: done in %.1f s", line, (System.nanoTime() - start) / 1e9));
        } catch (InterruptedException e) {
            status.value(line + ": stopped for a newer run");
            throw e;
        } catch (UsageError e) {
            output.showText(e.getMessage(), true);
            status.value(line + ": failed");
        } catch (RuntimeException e) {
            output.showText(spec.magic().display() + " failed: " + MagicCommandLine.oneLine(String.valueOf(e.getMessage())), true);
            status.value(line + ": failed");
        }
        return screen.last();
    }

    private String commandLine(List<String> args) {
        return spec.magic().display() + (args.isEmpty() ? "" : " " + String.join(" ", args));
    }

    private DisplayData bundle(DisplayData first) {
        Button run = new Button("Run").buttonStyle("primary").onClick(() -> explorer.request(controls.args()));
        for (DomWidget w : controls.widgets()) {
            w.observe(PanelControls.changing(w), change -> explorer.request(controls.args()));
        }
        List<Widget> rows = new ArrayList<>(controls.widgets());
        rows.add(Box.hbox(run, status));
        rows.add(output);
        Box panel = Box.vbox(rows);
        DisplayData data = panel.toDisplayData();
        String note = "Controls for " + spec.magic().display() + ": they need a live kernel (run this cell).";
        String shownHtml = first == null ? "" : String.valueOf(first.getData(MIMEType.TEXT_HTML));
        String shownText = first == null ? "" : String.valueOf(first.getData(MIMEType.TEXT_PLAIN));
        data.putHTML("<p class=\"forklab-explore-static\"><em>" + Html.escape(note) + "</em></p>\n" + shownHtml);
        data.putText(note + "\n" + shownText);
        return data;
    }
}
