package org.forklab.magics;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.forklab.magics.io.Bench;
import org.forklab.magics.explore.ExplorePanel;
import org.forklab.magics.explore.PanelSpec;
import org.forklab.magics.parse.HelpOption;
import org.forklab.magics.parse.LineMagic;
import org.forklab.magics.parse.MagicDefinition;
import org.forklab.spi.UsageError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Unmatched;

/**
 * %explore MAGIC ARGS: a panel of controls built from the magic's own options, a Run button and
 * the result below; a change reruns the magic with the new values (stopping a run still going).
 */
@Command(name = "explore", description = "Controls for an experiment magic: its options as sliders and toggles, rerun"
        + " on change.", showDefaultValues = true, sortOptions = false)
public final class ExploreMagic implements LineMagic {
    @Mixin
    HelpOption help;

    @Parameters(index = "0", paramLabel = "MAGIC", description = "The experiment magic, without %: race, spawn, pingpong, ipc, …")
    String magic;

    @Option(names = "--run", description = "Run once now, so the cell shows a result (and --as binds) before a control moves.")
    boolean runNow;

    /** The magic's own arguments (its options start the controls; the rest go with every run). */
    @Unmatched
    List<String> args = new ArrayList<>();

    @Override
    public void run(Bench bench) throws Exception {
        MagicDefinition target = MagicCatalog.find(magic.replaceFirst("^%", ""), false)
                .filter(m -> !m.name().equals("explore"))
                .orElseThrow(() -> new UsageError("%explore: no line magic %" + magic + "; accepted are "
                        + explorable() + " (e.g. %explore race -w 4)"));
        PanelSpec spec = PanelSpec.of(target, args);
        if (spec.controls().isEmpty()) {
            throw new UsageError("%explore: " + target.display() + " has no option a control could set; accepted are "
                    + explorable());
        }
        ExplorePanel.show(spec, bench, runNow);
    }

    /** The magics that have at least one control (so %explore accepts them). */
    static String explorable() {
        return MagicCatalog.all().stream().filter(m -> !m.cell() && !m.name().equals("explore"))
                .filter(m -> {
                    try {
                        return !PanelSpec.of(m, List.of()).controls().isEmpty();
                    } catch (RuntimeException e) {
                        return false;
                    }
                })
                .map(MagicDefinition::name).collect(Collectors.joining(", "));
    }
}
