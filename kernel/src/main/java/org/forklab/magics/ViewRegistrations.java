package org.forklab.magics;

import java.util.List;
import org.forklab.experiments.core.Environment;
import org.forklab.experiments.cost.CostResult;
import org.forklab.magics.io.Bundle;
import org.forklab.magics.c.CRun;
import org.forklab.magics.save.SavedResult;
import org.forklab.magics.view.Views;

/** Registers each result type's view once, before the first magic or facade call uses them. */
final class ViewRegistrations {
    private static volatile boolean done;

    private ViewRegistrations() {
    }

    static synchronized void ensure() {
        if (done) {
            return;
        }
        Views.register(CostResult.class, SpawnMagic::view);
        Views.register(org.forklab.experiments.switching.SwitchResult.class, PingPongMagic::view);
        Views.register(org.forklab.experiments.share.ShareResult.class, ShareMagic::view);
        Views.register(org.forklab.experiments.race.RaceResult.class, RaceMagic::view);
        Views.register(org.forklab.experiments.faults.FaultResult.class, CrashMagic::view);
        Views.register(org.forklab.experiments.ipc.IpcResult.class, IpcMagic::view);
        Views.register(org.forklab.experiments.scale.ScaleResult.class, ScaleMagic::view);
        Views.register(org.forklab.experiments.c10k.C10kResult.class, C10kMagic::view);
        Views.register(Environment.class, env -> EnvMagic.table(env).bundle());
        Views.register(ClaimsMagic.Report.class, report -> report.bundle(false));
        Views.register(SavedResult.class, saved -> CompareMagic.view(List.of(saved), null));
        Views.register(CRun.class, run -> Bundle.of(run.stdout() + CMagic.ending(run).map(l -> l + "\n").orElse(""),
                "<pre>" + org.forklab.stats.format.Html.escape(run.stdout()) + "</pre>"));
        done = true;
    }
}
