package org.forklab.magics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import java.util.List;
import org.forklab.experiments.core.ProcessTree;
import org.forklab.experiments.faults.FaultResult;
import org.forklab.experiments.faults.HealthyEnds;
import org.forklab.experiments.race.RaceResult;
import org.forklab.experiments.share.ShareResult;
import org.forklab.stats.format.Table;
import org.forklab.spi.UsageError;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** %share, %race and %crash at tiny sizes through the magic path; refusals in one line. */
class ShareRaceCrashTest {
    private final RecordingScreen screen = new RecordingScreen();

    @AfterEach
    void nothingLeftBehind() {
        assertEquals(List.of(), ProcessTree.descendants());
    }

    private DisplayData run(String name, String... args) throws Exception {
        MagicCall.line(MagicCatalog.find(name, false).orElseThrow(), List.of(args), screen.bench());
        return screen.finalDisplay();
    }

    @Test
    void shareShowsTheResourceTable() throws Exception {
        DisplayData shown = run("share", "-w", "2", "--as", "s");
        String text = (String) shown.getData(MIMEType.TEXT_PLAIN);
        assertTrue(text.contains("file descriptors") && text.contains("PID / TID"), text);
        // the table's cells are sentences: it is one block per resource, within a notebook's width
        String table = text.substring(text.indexOf("What threads share"), text.indexOf("\nsignal handlers"));
        assertTrue(table.contains("\nheap\n  threads:     "), table);
        assertTrue(table.lines().allMatch(l -> l.length() <= Table.NOTEBOOK_COLUMNS), table);
        assertTrue(((String) shown.getData(MIMEType.TEXT_HTML)).contains("<table"));
        assertTrue(screen.boundValues.get(0) instanceof ShareResult);
        assertTrue(shown.hasDataForType(MIMEType.IMAGE_PNG) && shown.hasDataForType(MIMEType.IMAGE_SVG), "the bars");
        var bars = ShareMagic.distinctValues((ShareResult) screen.boundValues.get(0));
        assertEquals(1.0, bars.get(0).bars().get(0).value(), "two threads show one PID");
        assertEquals(2.0, bars.get(0).bars().get(1).value(), "and two TIDs");
        assertEquals(2.0, bars.get(1).bars().get(0).value(), "two processes show two PIDs");
    }

    @Test
    void raceShowsLostUpdatesChartAndClaims() throws Exception {
        DisplayData shown = run("race", "-v", "volatile,atomic", "-t", "2", "-N", "20000", "--as", "r");
        String text = (String) shown.getData(MIMEType.TEXT_PLAIN);
        assertTrue(text.contains("threads, AtomicLong.incrementAndGet: 0 of 2 trials lost updates"), text);
        assertTrue(shown.hasDataForType(MIMEType.IMAGE_PNG) && shown.hasDataForType(MIMEType.IMAGE_SVG));
        assertEquals(2, ((RaceResult) screen.boundValues.get(0)).outcomes().size());
    }

    @Test
    void crashCountsSurvivorsAndTheKernelLives() throws Exception {
        DisplayData shown = run("crash", "-k", "exception,exit", "-m", "threads", "-w", "2", "--work", "50ms", "--as", "c");
        String text = (String) shown.getData(MIMEType.TEXT_PLAIN);
        assertTrue(text.lines().anyMatch(l -> l.startsWith("exit ") && l.contains("0 of 1") && l.contains("all workers")), text);
        assertTrue(text.lines().anyMatch(l -> l.startsWith("exception ") && l.contains("1 of 1") && l.contains("one worker")), text);
        FaultResult r = (FaultResult) screen.boundValues.get(0);
        assertEquals(2, r.outcomes().size());
        assertEquals(0, r.outcomes().get(1).survivors(), "System.exit in one thread ends the whole group");
        assertEquals(new HealthyEnds(0, 1, 0), r.outcomes().get(1).healthyEnds());
        assertTrue(text.contains("corrupted (silently wrong)"), text);
    }

    @Test
    void refusalsAreOneLine() {
        var crash = MagicCatalog.find("crash", false).orElseThrow();
        assertTrue(assertThrows(UsageError.class, () -> MagicCall.check(crash, List.of("-k", "segv"))).getMessage()
                .startsWith("%crash: "));
        assertEquals("%race: --workers 0 is out of range: accepted 1 to 256 (see %race --help)",
                assertThrows(UsageError.class, () -> MagicCall.check(MagicCatalog.find("race", false).orElseThrow(),
                        List.of("-w", "0"))).getMessage());
    }
}
