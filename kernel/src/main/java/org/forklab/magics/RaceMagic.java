package org.forklab.magics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.forklab.experiments.core.Samples;
import org.forklab.experiments.race.RaceConfig;
import org.forklab.experiments.race.RaceExperiment;
import org.forklab.experiments.race.RaceOutcome;
import org.forklab.experiments.race.RaceResult;
import org.forklab.experiments.race.RaceVariant;
import org.forklab.magics.io.Bench;
import org.forklab.magics.io.Bundle;
import org.forklab.magics.claims.ClaimOutcome;
import org.forklab.magics.parse.Choices;
import org.forklab.magics.parse.CapOptions;
import org.forklab.magics.parse.ChecksConfiguration;
import org.forklab.magics.parse.HelpOption;
import org.forklab.magics.parse.LineMagic;
import org.forklab.magics.parse.Range;
import org.forklab.magics.parse.ResultOptions;
import org.forklab.magics.parse.RunTimeout;
import org.forklab.magics.view.ExperimentRun;
import org.forklab.magics.view.ExperimentView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** %race: W workers increment one counter N times each; lost updates per trial, threads versus processes. */
@Command(name = "race", description = "Race W workers on one counter: lost updates for threads, own copies for processes.",
        showDefaultValues = true, sortOptions = false)
public final class RaceMagic implements LineMagic, ChecksConfiguration {
    @Mixin
    HelpOption help;

    @Option(names = {"-v", "--variants"}, paramLabel = "LIST", split = ",", defaultValue = "all",
            completionCandidates = Choices.RaceVariants.class,
            description = "Variants, or all: ${COMPLETION-CANDIDATES}.")
    List<String> variants;

    @Option(names = {"-w", "--workers"}, paramLabel = "W", description = "Threads (or processes) incrementing at once.")
    @Range(min = 1, max = RaceConfig.MAX_WORKERS)
    int workers = 2;

    @Option(names = {"-N", "--increments"}, paramLabel = "N", description = "Increments per worker and trial.")
    @Range(min = 1, max = RaceConfig.MAX_INCREMENTS)
    long increments = 1_000_000;

    @Option(names = {"-t", "--trials"}, paramLabel = "T", description = "Trials per variant.")
    @Range(min = 1, max = RaceConfig.MAX_TRIALS)
    int trials = 10;

    @Mixin
    RunTimeout timeout;

    @Mixin
    CapOptions caps;

    @Mixin
    ResultOptions result;

    @Override
    public void checkConfiguration() {
        config();
    }

    RaceConfig config() {
        List<RaceVariant> chosen = variants.contains("all") ? List.of(RaceVariant.values())
                : variants.stream().map(RaceVariant::fromWord).distinct().toList();
        return RaceConfig.defaults(caps.caps()).withWorkers(workers).withIncrements(increments).withTrials(trials)
                .withVariants(chosen).withTimeLimit(timeout.limit());
    }

    @Override
    public void run(Bench bench) throws Exception {
        RaceConfig config = config();
        ExperimentRun.run(bench, "%race", progress -> RaceExperiment.run(config, progress), RaceMagic::view, result);
    }

    /** Lost updates per trial per variant (the table and box plot), what each variant shows, time per increment. */
    public static Bundle view(RaceResult r) {
        List<Samples> lost = r.outcomes().stream().map(RaceOutcome::lostUpdateSamples).toList();
        List<String> notes = new ArrayList<>();
        for (RaceOutcome o : r.outcomes()) {
            notes.add(line(o));
        }
        r.skipped().forEach((v, why) -> notes.add("not measured: " + v.label() + " (" + why + ")"));
        Bundle main = ExperimentView.of(String.format(Locale.ROOT, "Lost updates: %d workers × %,d increments, %d trials",
                r.config().workers(), r.config().increments(), r.config().trials()), "lost updates per trial", lost,
                ClaimOutcome.forResult(r, r.environment()), notes, r.environment());
        return main;
    }

    private static String line(RaceOutcome o) {
        long[] lost = o.lostUpdates();
        long most = Arrays.stream(lost).max().orElse(0);
        String base = String.format(Locale.ROOT, "%s: %d of %d trials lost updates (at most %,d of %,d); workers overlapped"
                + " in %d trials", o.variant().label(), o.trialsWithLoss(), o.trials(), most, o.expected(),
                o.trialsWithOverlap());
        if (o.parentCounter().isPresent()) {
            base += "; the parent's own counter stayed " + o.parentCounter().getAsLong()
                    + " (each process incremented its own copy)";
        }
        if (!o.variant().neverLosesUpdates() && o.trialsWithLoss() == 0) {
            base += o.trialsWithOverlap() == 0
                    ? "; no loss because the workers never ran at once (few CPUs, short loop): raise -N"
                    : o.variant() == RaceVariant.PLAIN || o.variant() == RaceVariant.NATIVE_PLAIN
                    ? "; no loss although they overlapped: the optimiser folded the loop into one addition,"
                    + " which hides the race but does not fix it (compare volatile or interpreted)"
                    : "; no loss this time, though nothing prevents it";
        }
        return base;
    }
}
