package org.forklab.magics;

import java.util.List;
import java.util.Optional;
import org.forklab.experiments.c10k.C10kExperiment;
import org.forklab.experiments.c10k.C10kResult;
import org.forklab.experiments.core.Environment;
import org.forklab.experiments.cost.CostExperiment;
import org.forklab.experiments.cost.CostResult;
import org.forklab.experiments.faults.FaultExperiment;
import org.forklab.experiments.faults.FaultResult;
import org.forklab.experiments.ipc.IpcExperiment;
import org.forklab.experiments.ipc.IpcResult;
import org.forklab.experiments.race.RaceExperiment;
import org.forklab.experiments.race.RaceResult;
import org.forklab.experiments.scale.ScaleExperiment;
import org.forklab.experiments.scale.ScaleResult;
import org.forklab.experiments.share.ShareExperiment;
import org.forklab.experiments.share.ShareResult;
import org.forklab.experiments.switching.SwitchExperiment;
import org.forklab.experiments.switching.SwitchResult;
import org.forklab.magics.io.Bundle;
import org.forklab.stats.format.Html;
import org.forklab.magics.c.CRun;
import org.forklab.magics.parse.MagicDefinition;
import org.forklab.magics.readings.C10kReading;
import org.forklab.magics.readings.CrashReading;
import org.forklab.magics.readings.IpcReading;
import org.forklab.magics.readings.PingPongReading;
import org.forklab.magics.readings.RaceReading;
import org.forklab.magics.readings.ScaleReading;
import org.forklab.magics.readings.ShareReading;
import org.forklab.magics.readings.SpawnReading;
import org.forklab.magics.save.SavedResult;

/**
 * The one registration of every forklab magic, in the order %lsmagic and the README table list
 * them. An experiment magic names its result type, its view, its reading, how it measures and small example
 * arguments (finishing in seconds on a busy two-CPU machine); the views Lab.show uses, Lab.run,
 * the tests' small runs and tests/python/small_runs.json are all derived from this list.
 */
public final class MagicCatalog {
    private static final Registrations REGISTERED = Registrations.builder()
            .line(EnvMagic::new)
            .view(Environment.class, env -> EnvMagic.table(env).bundle())
            .cell(CMagic::new)
            .view(CRun.class, run -> Bundle.of(run.stdout() + CMagic.ending(run).map(l -> l + "\n").orElse(""),
                    "<pre>" + Html.escape(run.stdout()) + "</pre>"))
            .experiment(SpawnMagic::new, CostResult.class, SpawnMagic::view, SpawnReading::of,
                    (m, progress) -> CostExperiment.run(m.config(), progress),
                    "-v platform-thread,pthread,fork -n 5 --warmup 2 --cold 1 --fork-memory 0 --pages small")
            .experiment(PingPongMagic::new, SwitchResult.class, PingPongMagic::view, PingPongReading::of,
                    (m, progress) -> SwitchExperiment.run(m.config(), progress),
                    "-m java-handoff,thread-pipe -p scheduler --runs 1 -n 5 --warmup 20")
            .experiment(ShareMagic::new, ShareResult.class, ShareMagic::view, ShareReading::of,
                    (m, progress) -> ShareExperiment.run(m.config(), progress), "-w 2")
            .experiment(RaceMagic::new, RaceResult.class, RaceMagic::view, RaceReading::of,
                    (m, progress) -> RaceExperiment.run(m.config(), progress), "-v plain,atomic -N 10000 -t 2")
            .experiment(CrashMagic::new, FaultResult.class, CrashMagic::view, CrashReading::of,
                    (m, progress) -> FaultExperiment.run(m.config(), progress),
                    "-k exception,segfault -m threads,processes -w 2 --work 20ms")
            .experiment(IpcMagic::new, IpcResult.class, IpcMagic::view, IpcReading::of,
                    (m, progress) -> IpcExperiment.run(m.config(), progress),
                    "-t thread-handoff,pipe -s 8,1k --latency-samples 3 --throughput-samples 1")
            .experiment(ScaleMagic::new, ScaleResult.class, ScaleMagic::view, ScaleReading::of,
                    (m, progress) -> ScaleExperiment.run(m.config(), progress), "-k platform-threads --threads 4,8,12")
            .experiment(C10kMagic::new, C10kResult.class, C10kMagic::view, C10kReading::of,
                    (m, progress) -> C10kExperiment.run(m.config(), progress), "-s selector,threads -k 4,8 -r 3")
            .line(CompareMagic::new)
            .view(SavedResult.class, saved -> CompareMagic.view(List.of(saved), null))
            .line(ClaimsMagic::new)
            .view(ClaimsMagic.Report.class, report -> report.bundle(false))
            .line(ExploreMagic::new)
            .build();

    static {
        REGISTERED.registerViews();
    }

    private MagicCatalog() {
    }

    public static List<MagicDefinition> all() {
        return REGISTERED.magics();
    }

    /** The experiment magics, each with result type, view, measurement and example. */
    public static List<ExperimentRegistration<?, ?>> experiments() {
        return REGISTERED.experiments();
    }

    /** A magic by the name the user types after % or %%. */
    public static Optional<MagicDefinition> find(String name, boolean cell) {
        return all().stream().filter(d -> d.name().equals(name) && d.cell() == cell).findFirst();
    }

    /** An experiment magic by its name, e.g. "spawn". */
    public static Optional<ExperimentRegistration<?, ?>> experiment(String name) {
        return experiments().stream().filter(e -> e.name().equals(name)).findFirst();
    }

    /** Makes sure the views are registered (class initialisation does it once). */
    static void ensureViews() {
        // loading this class ran the static initialiser above
    }
}
