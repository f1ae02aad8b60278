package org.forklab.magics;

import org.forklab.experiments.cost.CostSetting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.forklab.experiments.cost.CostResult;
import org.forklab.magics.io.Bundle;
import org.forklab.magics.io.Session;
import org.forklab.magics.claims.ClaimOutcome;
import org.forklab.magics.parse.MagicDefinition;
import org.forklab.magics.save.ResultFiles;
import org.forklab.magics.save.SavedResult;
import org.forklab.spi.UsageError;
import org.forklab.stats.Verdict;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** %compare on saved files, %claims on the session, and the Lab facade's show, on known samples. */
class CompareAndClaimsTest {
    private final RecordingScreen screen = new RecordingScreen();

    @BeforeEach
    void freshSession() {
        Session.current().clear();
    }

    private static MagicDefinition magic(String name) {
        return MagicCatalog.find(name, false).orElseThrow();
    }

    @Test
    void saveLoadRoundTripKeepsEverySampleAndTheMachine(@TempDir Path dir) {
        CostResult r = TestResults.cost();
        Path json = ResultFiles.save(dir.resolve("laptop.json").toString(), "%spawn -n 40", r);
        assertEquals(dir.resolve("laptop.json"), json);
        assertTrue(Files.exists(dir.resolve("laptop.csv")));
        SavedResult back = ResultFiles.load(json.toString());
        assertEquals("laptop", back.name());
        assertEquals("cost", back.experiment());
        assertEquals("%spawn -n 40", back.source());
        assertEquals(r.samples(), back.samples());
        assertEquals("40", back.settings().get("samples"));
        assertEquals(java.util.Optional.of("40"), back.setting(CostSetting.SAMPLES));
        assertEquals(String.valueOf(r.environment().cpus()), back.environment().get("cpus"));
    }

    @Test
    void compareShowsBothFilesWithRatiosAndAGroupedChart(@TempDir Path dir) throws Exception {
        CostResult r = TestResults.cost();
        String a = ResultFiles.save(dir.resolve("a").toString(), "%spawn", r).toString();
        String b = ResultFiles.save(dir.resolve("b").toString(), "%spawn", r).toString();
        MagicCall.line(magic("compare"), List.of(a, b, "--as", "both"), screen.bench());
        DisplayData shown = screen.finalDisplay();
        String text = (String) shown.getData(MIMEType.TEXT_PLAIN);
        assertTrue(text.contains("a: pthread_create+join") && text.contains("b: fork+_exit+waitpid"), text);
        assertTrue(text.contains("pthread_create+join (medians of 10 consecutive blocks per file): b / a: median ratio 1.00×"), text);
        assertTrue(text.contains("Mann–Whitney p = 1.00, Welch p = 1.00 → no clear difference"), text);
        assertTrue(text.contains("no clear difference"), text);
        assertTrue(shown.hasDataForType(MIMEType.IMAGE_PNG) && shown.hasDataForType(MIMEType.IMAGE_SVG));
        assertEquals(2, ((List<?>) screen.boundValues.get(0)).size());
    }

    @Test
    void compareRefusesMissingAndForeignFilesInOneLine(@TempDir Path dir) throws Exception {
        Path foreign = Files.writeString(dir.resolve("x.json"), "{\"hello\": 1}");
        Path garbage = Files.writeString(dir.resolve("y.json"), "not json at all {");
        assertEquals("%compare: " + foreign + " was not written by forklab's --save (format 1)",
                assertThrows(UsageError.class, () -> MagicCall.line(magic("compare"), List.of(foreign.toString()),
                        screen.bench())).getMessage());
        assertTrue(assertThrows(UsageError.class, () -> MagicCall.line(magic("compare"), List.of(garbage.toString()),
                screen.bench())).getMessage().startsWith("%compare: " + garbage + " is not a forklab result file"));
        assertTrue(assertThrows(UsageError.class, () -> MagicCall.line(magic("compare"), List.of("/nonexistent/a.json"),
                screen.bench())).getMessage().startsWith("%compare: cannot read /nonexistent/a.json: "));
        assertEquals("%compare: Missing required parameter: 'FILE' (see %compare --help)",
                assertThrows(UsageError.class, () -> MagicCall.line(magic("compare"), List.of(), screen.bench())).getMessage());
    }

    @Test
    void claimsSetsTheSessionsMeasurementsAgainstTheLesson() throws Exception {
        Session.current().record("%spawn", TestResults.cost());
        MagicCall.line(magic("claims"), List.of("--as", "claims"), screen.bench());
        String text = (String) screen.finalDisplay().getData(MIMEType.TEXT_PLAIN);
        // the stack claims are answered by the C probe whenever %claims runs; this test is about %spawn's
        List<ClaimOutcome> outcomes = ((ClaimsMagic.Report) screen.boundValues.get(0)).outcomes().stream()
                .filter(o -> o.claim().magic().equals("%spawn")).toList();
        // bound as the public record, so the kernel declares it with that type and a cell needs no casts
        assertEquals(ClaimsMagic.Report.class, screen.boundTypes.get(0));
        assertTrue(java.lang.reflect.Modifier.isPublic(ClaimsMagic.Report.class.getModifiers()));
        assertEquals(List.of("fork-minimal", "pthread-create"), outcomes.stream().map(o -> o.claim().id()).toList());
        assertEquals(Verdict.ABOVE, outcomes.get(0).check().verdict());
        assertEquals(Verdict.WITHIN, outcomes.get(1).check().verdict());
        assertTrue(outcomes.get(1).cause().isEmpty(), "no cause where they agree");
        assertTrue(text.contains("fork of a minimal child costs 50–100 µs: above the claim; likely cause: fork copies"), text);
        assertTrue(text.contains("not measured yet (4. Cost): fork of a process with 1 GB of touched memory costs"
                + " 100–300 µs; run %spawn --fork-memory 0,1g"), text);
        assertTrue(text.contains("3. Memory: each 64-bit process has a virtual address space of its own"), text);
        assertTrue(text.contains("TiB is the whole") || text.contains("PiB per process"), text);
    }

    @Test
    void newestMeasurementAnswersAClaim() throws Exception {
        Session.current().record("old", TestResults.cost());
        CostResult newer = TestResults.cost();
        Session.current().record("new", newer);
        var report = ClaimsMagic.report(Session.current());
        assertEquals(newer.samples().get(1).values()[0] * 0, 0.0);
        assertEquals(2, report.outcomes().stream().filter(o -> o.claim().magic().equals("%spawn")).count());
    }

    @Test
    void labShowGivesTheMagicsBundle() {
        Bundle bundle = Lab.bundle(TestResults.cost());
        assertTrue(bundle.text().contains("pthread_create+join"));
        assertTrue(bundle.chart().isPresent());
        DisplayData data = Lab.show(TestResults.cost());
        for (MIMEType type : List.of(MIMEType.TEXT_PLAIN, MIMEType.TEXT_HTML, MIMEType.IMAGE_PNG, MIMEType.IMAGE_SVG)) {
            assertTrue(data.hasDataForType(type), type.toString());
        }
        assertEquals("Lab.show: the result is null; run an experiment first, e.g. var r = Lab.spawn();",
                assertThrows(UsageError.class, () -> Lab.show(null)).getMessage());
    }

    @Test
    void labRaceAndShowAndRefusal() throws Exception {
        var r = Lab.race("-v", "atomic", "-t", "2", "-N", "1000");
        assertEquals(0, r.outcome(org.forklab.experiments.race.RaceVariant.ATOMIC).orElseThrow().trialsWithLoss());
        assertEquals(List.of(r), Session.current().resultsOf(org.forklab.experiments.race.RaceResult.class));
        assertTrue(Lab.bundle(r).text().contains("threads, AtomicLong.incrementAndGet: 0 of 2 trials lost updates"));
        assertTrue(assertThrows(UsageError.class, () -> Lab.race("-v", "nonsense")).getMessage()
                .startsWith("%race: race variant 'nonsense' is not known"));
    }

    @Test
    void labSpawnTakesTheMagicsWordsAndRecordsTheResult() throws Exception {
        CostResult r = Lab.spawn("-v", "platform-thread", "-n", "3", "--warmup", "0", "--fork-memory", "0");
        assertEquals(3, r.samples().get(0).size());
        assertEquals(List.of(r), Session.current().resultsOf(CostResult.class));
        assertEquals("%spawn: --samples 0 is out of range: accepted 1 to 100000 (see %spawn --help)",
                assertThrows(UsageError.class, () -> Lab.spawn("-n", "0")).getMessage());
        CostResult pinned = Lab.spawn("-v", "pthread", "-n", "3", "--warmup", "0", "--fork-memory", "none",
                "--placement", "one-cpu");
        assertTrue(pinned.settings().get(CostSetting.PLACEMENT).startsWith("one-cpu, CPU "), pinned.settings().toString());
        assertEquals("%spawn: --forks 11 is out of range: accepted 0 to 10 (see %spawn --help)",
                assertThrows(UsageError.class, () -> Lab.spawn("--forks", "11")).getMessage());
    }
}
