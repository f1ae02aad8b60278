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
import java.util.stream.Stream;
import org.forklab.experiments.core.ExperimentTimeoutException;
import org.forklab.experiments.core.ProcessTree;
import org.forklab.magics.io.Bundle;
import org.forklab.magics.bench.Phases;
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

    /** Small runs of each experiment magic and how many phases each splits into (0: not split). */
    static Stream<Arguments> smallRuns() {
        return Stream.of(
                Arguments.of("spawn", List.of("-v", "platform-thread,pthread", "-n", "3", "--warmup", "1", "--cold", "0",
                        "--fork-memory", "0", "--pages", "small"), 3),
                // one phase per round, each round every placement once
                Arguments.of("pingpong", List.of("-m", "java-handoff", "-p", "scheduler,same-cpu", "--runs", "2", "-n", "3",
                        "--warmup", "10"), 2),
                Arguments.of("race", List.of("-v", "plain,atomic", "-N", "1000", "-t", "1"), 2),
                Arguments.of("crash", List.of("-k", "exception", "-m", "threads", "-w", "2", "--work", "10ms"), 1),
                Arguments.of("ipc", List.of("-t", "thread-handoff,thread-copy", "-s", "8", "--latency-samples", "3",
                        "--throughput-samples", "1"), 2),
                Arguments.of("scale", List.of("-k", "platform-threads", "--threads", "2,4,6"), 1),
                Arguments.of("c10k", List.of("-s", "selector", "-k", "2,3", "-r", "2"), 2),
                Arguments.of("share", List.of("-w", "1"), 0));
    }

    @ParameterizedTest(name = "%{0}")
    @MethodSource("smallRuns")
    void oneProgressDisplayInPhasesReplacedByTheResult(String magic, List<String> args, int phases) throws Exception {
        MagicCall.line(MagicCatalog.find(magic, false).orElseThrow(), args, screen.bench());
        assertEquals(1, screen.displays.size(), "one display: the progress line");
        DisplayData first = screen.displays.get(0);
        assertTrue(text(first).startsWith("%" + magic + ": starting"), text(first));
        String id = first.getDisplayId();
        screen.updates.forEach(u -> assertEquals(id, u.getDisplayId(), "every update replaces the progress display"));
        if (phases > 0) {
            String last = "statistics and chart, part " + phases + " of " + phases;
            assertTrue(screen.updates.stream().anyMatch(u -> text(u).contains(last)),
                    "the run went through " + phases + " phases: " + screen.updates.stream().map(ProgressTest::text).toList());
        }
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
    void phasesRunInOrderAndATimeOutNamesTheWholeLimit() throws Exception {
        List<String> ran = new ArrayList<>();
        try (Progress progress = Progress.start(screen, "%parts")) {
            List<Phases.Phase<String>> parts = List.of(
                    new Phases.Phase<>("a", left -> {
                        ran.add("a " + (left.toSeconds() <= 7));
                        return "A";
                    }),
                    new Phases.Phase<>("b", left -> "B"));
            assertEquals(List.of("A", "B"), Phases.run(progress, Duration.ofSeconds(7), parts));
            assertEquals(List.of("a true"), ran);
            ExperimentTimeoutException e = assertThrows(ExperimentTimeoutException.class, () -> Phases.run(progress,
                    Duration.ofSeconds(9), List.of(new Phases.Phase<String>("c", left -> {
                        throw new ExperimentTimeoutException(left);
                    }))));
            assertTrue(e.getMessage().contains("time limit of 9.0 s"), e.getMessage());
        }
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
