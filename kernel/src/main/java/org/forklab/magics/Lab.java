package org.forklab.magics;

import org.forklab.spi.MagicCommandLine;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import java.util.List;
import org.forklab.experiments.core.Environment;
import org.forklab.experiments.core.Measured;
import org.forklab.experiments.core.ProgressListener;
import org.forklab.experiments.cost.CostConfig;
import org.forklab.experiments.cost.CostExperiment;
import org.forklab.experiments.cost.CostResult;
import org.forklab.experiments.c10k.C10kResult;
import org.forklab.experiments.faults.FaultResult;
import org.forklab.experiments.ipc.IpcResult;
import org.forklab.experiments.race.RaceResult;
import org.forklab.experiments.scale.ScaleResult;
import org.forklab.experiments.share.ShareResult;
import org.forklab.experiments.switching.SwitchResult;
import org.forklab.magics.io.Bundle;
import org.forklab.magics.io.Session;
import org.forklab.magics.parse.MagicParser;
import org.forklab.magics.save.ResultFiles;
import org.forklab.magics.save.SavedResult;
import org.forklab.magics.view.Views;
import org.forklab.spi.UsageError;

/**
 * The lab bench from Java cells: the same experiments as the magics, taking the same option
 * words (or the experiment's own config record), returning the same result records, and
 * {@link #show} giving the same display. Every result is recorded for {@code %claims}.
 *
 * <pre>
 * var r = Lab.spawn("-v", "fork,pthread", "-n", "50");
 * r.of(CostVariant.FORK).get().values()
 * Lab.show(r)
 * var p = Lab.spawn("-v", "platform-thread,pthread", "--placement", "one-cpu", "--forks", "3");
 * p.variants().get(0).forkMedians()   // one median per child JVM
 * </pre>
 */
public final class Lab {
    static {
        MagicCatalog.ensureViews();
    }

    private Lab() {
    }

    /** Like {@code %spawn ARGS}: creation cost of threads, tasks and processes. */
    public static CostResult spawn(String... args) throws Exception {
        return run(CostResult.class, "spawn", args);
    }

    public static CostResult spawn(CostConfig config) throws Exception {
        return recorded("Lab.spawn", CostExperiment.run(config));
    }

    /** Like {@code %pingpong ARGS}: context switches by one-byte ping-pong. */
    public static SwitchResult pingpong(String... args) throws Exception {
        return run(SwitchResult.class, "pingpong", args);
    }

    /** Like {@code %share ARGS}: what threads share and processes own. */
    public static ShareResult share(String... args) throws Exception {
        return run(ShareResult.class, "share", args);
    }

    /** Like {@code %race ARGS}: lost updates on a shared counter. */
    public static RaceResult race(String... args) throws Exception {
        return run(RaceResult.class, "race", args);
    }

    /** Like {@code %crash ARGS}: one faulty worker among threads and among processes. */
    public static FaultResult crash(String... args) throws Exception {
        return run(FaultResult.class, "crash", args);
    }

    /** Like {@code %ipc ARGS}: message latency and throughput by size. */
    public static IpcResult ipc(String... args) throws Exception {
        return run(IpcResult.class, "ipc", args);
    }

    /** Like {@code %scale ARGS}: memory and creation time per entity. */
    public static ScaleResult scale(String... args) throws Exception {
        return run(ScaleResult.class, "scale", args);
    }

    /** Like {@code %c10k ARGS}: many connections, three server designs. */
    public static C10kResult c10k(String... args) throws Exception {
        return run(C10kResult.class, "c10k", args);
    }

    /**
     * Like {@code %MAGIC ARGS} for any experiment magic (the typed methods above are shortcuts):
     * the same options, the same experiment path as the magic, the result record it returns.
     */
    public static Object run(String magic, String... args) throws Exception {
        String name = magic.startsWith("%") ? magic.substring(1) : magic;
        ExperimentRegistration<?, ?> experiment = MagicCatalog.experiment(name).orElseThrow(() -> new UsageError(
                "Lab.run: no experiment magic named " + magic + "; known: "
                        + String.join(", ", MagicCatalog.experiments().stream().map(ExperimentRegistration::name).toList())));
        Object command = parsed(experiment.magic().factory().get(), experiment.magic().display(), args);
        return recorded("Lab." + name, experiment.measure(command, ProgressListener.NONE));
    }

    private static <R> R run(Class<R> type, String magic, String... args) throws Exception {
        return type.cast(run(magic, args));
    }

    /** The machine, as %env shows it. */
    public static Environment env() {
        return Environment.current();
    }

    /** Saves like {@code --save PATH}; returns the JSON file's path. */
    public static String save(Measured result, String path) {
        return ResultFiles.save(path, "Lab.save", result).toString();
    }

    /** Loads files written by --save, for {@code Lab.show(Lab.load(...))} or own analysis. */
    public static List<SavedResult> load(String... files) {
        return List.of(files).stream().map(ResultFiles::load).toList();
    }

    /** The claims report of this session, as %claims shows it. */
    public static ClaimsMagic.Report claims() {
        return ClaimsMagic.report(Session.current());
    }

    /** The display of any result: as the cell's value it shows the same bundle as the magic. */
    public static DisplayData show(Object result) {
        return bundle(result).toDisplayData(null);
    }

    /** The bundle behind {@link #show}, for tests and own layouts. */
    public static Bundle bundle(Object result) {
        if (result == null) {
            throw new UsageError("Lab.show: the result is null; run an experiment first, e.g. var r = Lab.spawn();");
        }
        return Views.of(result).orElseThrow(() -> new UsageError("Lab.show: no view for a "
                + result.getClass().getSimpleName() + "; it shows results of Lab.* and of the magics"));
    }

    /** The help of a magic, e.g. Lab.help("spawn"), to see which words Lab.spawn takes. */
    public static String help(String magic) {
        return MagicCatalog.all().stream().filter(d -> d.name().equals(magic)).findFirst()
                .map(d -> MagicParser.usage(d.display(), d.factory().get()))
                .orElseThrow(() -> new UsageError("Lab.help: no magic named " + magic + "; known: "
                        + String.join(", ", MagicCatalog.all().stream().map(d -> d.name()).toList())));
    }

    private static <T> T parsed(T command, String magic, String... args) {
        if (MagicParser.parse(magic, command, List.of(args)).isPresent()) {
            throw new UsageError(magic + ": Lab takes the options of " + magic + "; see Lab.help(\""
                    + magic.replace("%", "") + "\")");
        }
        if (command instanceof org.forklab.magics.parse.ChecksConfiguration checked) {
            try {
                checked.checkConfiguration();
            } catch (org.forklab.experiments.core.BadParameterException e) {
                throw new UsageError(magic + ": " + MagicCommandLine.oneLine(e.getMessage()));
            }
        }
        return command;
    }

    private static <T> T recorded(String source, T result) {
        Session.current().record(source, result);
        return result;
    }

}
