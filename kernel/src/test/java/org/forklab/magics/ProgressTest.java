package org.forklab.magics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.forklab.experiments.core.ExperimentTimeoutException;
import org.forklab.experiments.core.ProcessTree;
import org.forklab.magics.io.Bundle;
import org.forklab.experiments.race.RaceConfig;
import org.forklab.experiments.race.RaceExperiment;
import org.forklab.experiments.race.RaceVariant;
import org.forklab.magics.io.Progress;
import org.forklab.magics.parse.ResultOptions;
import org.forklab.magics.view.ExperimentRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every experiment magic runs in phases behind one progress display that its result replaces,
 * and the progress clock never outlives the magic, whether it ends with a result or not.
 */
class ProgressTest {
    private static final Pattern PART = Pattern.compile(", part \\d+ of (\\d+) …");
    private final RecordingScreen screen = new RecordingScreen();

    @AfterEach
    void nothingLeftBehind() {
        assertEquals(List.of(), ProcessTree.descendants());
        assertFalse(clockThreadAlive(), "a progress clock outlived its magic");
    }

    private static boolean clockThreadAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals("forklab-progress-clock") && t.isAlive());
    }

    /** The updates so far, copied under the screen's lock while the clock thread may add one. */
    private List<DisplayData> updates() {
        synchronized (screen) {
            return List.copyOf(screen.updates);
        }
    }

    private static String text(DisplayData d) {
        return (String) d.getData(MIMEType.TEXT_PLAIN);
    }

    /** Every registered experiment magic with its small example arguments. */
    static Stream<Arguments> smallRuns() {
        return MagicCatalog.experiments().stream().map(e -> Arguments.of(e.name(), e.exampleArgs()));
    }

    @ParameterizedTest(name = "%{0}")
    @MethodSource("smallRuns")
    void oneProgressDisplayInPhasesReplacedByTheResult(String magic, List<String> args) throws Exception {
        MagicCall.line(MagicCatalog.find(magic, false).orElseThrow(), args, screen.bench());
        assertEquals(1, screen.displays.size(), "one display: the progress line");
        DisplayData first = screen.displays.get(0);
        assertTrue(text(first).startsWith("%" + magic + ": starting"), text(first));
        String id = first.getDisplayId();
        screen.updates.forEach(u -> assertEquals(id, u.getDisplayId(), "every update replaces the progress display"));
        // a run announced in counted phases ends with the view as its last part, of the same count
        List<String> lines = screen.updates.stream().map(ProgressTest::text).toList();
        Optional<Integer> phases = lines.stream().map(PART::matcher).filter(Matcher::find)
                .map(m -> Integer.parseInt(m.group(1))).findFirst();
        phases.ifPresent(n -> assertTrue(lines.stream().anyMatch(l -> l.contains("statistics and chart, part " + n + " of " + n)),
                "the run went through " + n + " phases: " + lines));
        DisplayData result = screen.finalDisplay();
        assertTrue(text(result).contains("measured on:"), text(result));
        assertTrue(result.hasDataForType(MIMEType.TEXT_HTML));
    }

    @Test
    void aFailureReplacesTheProgressWithWhyAndStopsTheClock() {
        assertThrows(IllegalStateException.class, () -> ExperimentRun.run(screen.bench(), "%fake",
                progress -> {
                    throw new IllegalStateException("the probe vanished");
                }, r -> Bundle.of("never", "never"), ResultOptions.bindingOnly(null)));
        assertEquals("%fake: stopped (the probe vanished)", text(screen.finalDisplay()));
    }

    @Test
    void aViewThatFailsStillEndsTheProgress() {
        assertThrows(IllegalArgumentException.class, () -> ExperimentRun.run(screen.bench(), "%fake",
                progress -> "result", r -> {
                    throw new IllegalArgumentException("no chart");
                }, ResultOptions.bindingOnly(null)));
        assertEquals("%fake: stopped (ended without a result)", text(screen.finalDisplay()));
    }

    @Test
    void theClockShowsTheTimeElapsedWhileAStepRunsAndStopsAtTheEnd() throws Exception {
        try (Progress progress = Progress.start(screen, "%slow")) {
            progress.step("one long step", 0, 0);
            long until = System.nanoTime() + 20_000_000_000L;
            while (updates().stream().noneMatch(u -> text(u).matches("%slow: one long step …, \\d+ s"))
                    && System.nanoTime() < until) {
                Thread.sleep(50);
            }
            assertTrue(updates().stream().anyMatch(u -> text(u).matches("%slow: one long step …, \\d+ s")),
                    updates().stream().map(ProgressTest::text).toList().toString());
            progress.finish(Bundle.of("done", "<p>done</p>"));
            assertFalse(progress.clockRunning());
        }
        assertEquals("done", text(screen.finalDisplay()));
    }

    @Test
    void thePhasesAnExperimentAnnouncesReachTheLineAndTheViewReadsAsTheLastPart() throws Exception {
        ExperimentRun.run(screen.bench(), "%parts", progress -> {
            progress.phase("a", 0, 2);
            progress.phase("b", 1, 2);
            return "result";
        }, r -> Bundle.of("done", "<p>done</p>"), ResultOptions.bindingOnly(null));
        List<String> lines = updates().stream().map(ProgressTest::text).toList();
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("%parts: statistics and chart, part 2 of 2 …")), lines.toString());
        assertTrue(text(screen.finalDisplay()).startsWith("done"), text(screen.finalDisplay()));
    }

    @Test
    void aTimeOutNamesTheWholeLimitAndThePhasesReachTheListener() {
        List<String> phases = new ArrayList<>();
        ExperimentTimeoutException e = assertThrows(ExperimentTimeoutException.class, () -> RaceExperiment.run(
                RaceConfig.defaults().withVariants(List.of(RaceVariant.PLAIN, RaceVariant.ATOMIC))
                        .withTimeLimit(Duration.ofSeconds(1)).withIncrements(100_000_000L).withTrials(10_000),
                (what, done, total) -> phases.add(what + " " + done + "/" + total)));
        assertTrue(e.getMessage().contains("time limit of 1.0 s"), e.getMessage());
        assertEquals("plain × 10000 trials 0/2", phases.get(0));
    }

    @Test
    void theLineNamesThePartBeingRun() throws InterruptedException {
        try (Progress progress = Progress.start(screen, "%x")) {
            Thread.sleep(600); // updates come at most every few hundred milliseconds
            progress.step("second", 1, 2);
            String line = text(updates().get(updates().size() - 1));
            assertTrue(line.startsWith("%x: second, part 2 of 2 …"), line);
            progress.step("last", 2, 2);
            line = text(updates().get(updates().size() - 1));
            assertTrue(line.startsWith("%x: last, part 2 of 2 …"), line);
        }
    }
}
