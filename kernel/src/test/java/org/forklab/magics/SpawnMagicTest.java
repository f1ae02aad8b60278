package org.forklab.magics;

import org.forklab.experiments.cost.CostSetting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.forklab.experiments.core.ProcessTree;
import org.forklab.experiments.cost.CostPlacement;
import org.forklab.experiments.cost.CostResult;
import org.forklab.experiments.cost.CostVariant;
import org.forklab.magics.parse.MagicDefinition;
import org.forklab.magics.save.ResultFiles;
import org.forklab.magics.save.SavedResult;
import org.forklab.spi.UsageError;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** %spawn at tiny sizes: the display bundle, the progress display, --as and --save. */
class SpawnMagicTest {
    private final MagicDefinition spawn = MagicCatalog.find("spawn", false).orElseThrow();
    private final RecordingScreen screen = new RecordingScreen();

    @AfterEach
    void nothingLeftBehind() {
        assertEquals(List.of(), ProcessTree.descendants());
    }

    @Test
    void bundleHasTextHtmlPngAndSvgAndReplacesTheProgressDisplay(@TempDir Path dir) throws Exception {
        String save = dir.resolve("run1").toString();
        MagicCall.line(spawn, List.of("-v", "platform-thread,executor-throughput,pthread,fork", "-n", "5",
                "--warmup", "2", "--cold", "1", "--batch", "50", "--fork-memory", "0", "--as", "r", "--save", save),
                screen.bench());

        assertEquals(1, screen.displays.size(), "one progress display");
        DisplayData progress = screen.displays.get(0);
        String id = progress.getDisplayId();
        assertTrue(id != null && ((String) progress.getData(MIMEType.TEXT_PLAIN)).startsWith("%spawn: starting"));
        assertFalse(screen.updates.isEmpty());
        screen.updates.forEach(u -> assertEquals(id, u.getDisplayId(), "every update goes to the progress display"));

        DisplayData result = screen.finalDisplay();
        String text = (String) result.getData(MIMEType.TEXT_PLAIN);
        String html = (String) result.getData(MIMEType.TEXT_HTML);
        String png = (String) result.getData(MIMEType.IMAGE_PNG);
        String svg = (String) result.getData(MIMEType.IMAGE_SVG);
        assertTrue(text.contains("platform thread start+join") && text.contains("measured on:"), text);
        assertTrue(html.contains("<table") && html.contains("platform thread start+join"), html);
        byte[] pngBytes = Base64.getDecoder().decode(png);
        assertEquals("PNG", new String(pngBytes, 1, 3, java.nio.charset.StandardCharsets.US_ASCII));
        assertTrue(svg.contains("<svg"), svg.substring(0, Math.min(100, svg.length())));

        CostResult bound = (CostResult) screen.boundValues.get(0);
        assertEquals(List.of("r"), screen.bound);
        assertTrue(bound.of(CostVariant.PLATFORM_THREAD).isPresent());
        assertEquals(5, bound.of(CostVariant.PLATFORM_THREAD).get().size());

        SavedResult loaded = ResultFiles.load(dir.resolve("run1.json").toString());
        assertEquals("cost", loaded.experiment());
        assertEquals(bound.samples(), loaded.samples(), "samples survive the round trip exactly");
        List<String> csv = Files.readAllLines(dir.resolve("run1.csv"));
        assertEquals("condition,unit,index,value,cold", csv.get(0));
        long warm = bound.samples().stream().mapToLong(s -> s.values().length).sum();
        long cold = bound.samples().stream().mapToLong(s -> s.cold().length).sum();
        assertEquals(1 + warm + cold, csv.size());
    }

    @Test
    void refusalsAreOneLine() {
        assertEquals("%spawn: variant 'forks' is not known: accepted platform-thread, virtual-thread, executor-latency,"
                        + " executor-throughput, process-builder, fork, fork-call, vfork, fork-exec, vfork-exec, posix-spawn, pthread",
                assertThrows(UsageError.class, () -> MagicCall.check(spawn, List.of("-v", "forks"))).getMessage());
        assertEquals("%spawn: exec path 'true' is not an executable file given by its absolute path; try /bin/true",
                assertThrows(UsageError.class, () -> MagicCall.check(spawn, List.of("--exec", "true"))).getMessage());
        assertEquals("%spawn: --fork-memory 65g is out of range: accepted 0 to 64g (see %spawn --help)",
                assertThrows(UsageError.class, () -> MagicCall.check(spawn, List.of("--fork-memory", "0,65g"))).getMessage());
    }

    @Test
    void placementAndForksAreRefusedInOneLine() {
        assertEquals("%spawn: --forks 11 is out of range: accepted 0 to 10 (see %spawn --help)",
                assertThrows(UsageError.class, () -> MagicCall.check(spawn, List.of("--forks", "11"))).getMessage());
        assertEquals("%spawn: --forks -1 is out of range: accepted 0 to 10 (see %spawn --help)",
                assertThrows(UsageError.class, () -> MagicCall.check(spawn, List.of("--forks", "-1"))).getMessage());
        assertEquals("%spawn: placement 'two' is not known: accepted scheduler, one-cpu",
                assertThrows(UsageError.class, () -> MagicCall.check(spawn, List.of("--placement", "two"))).getMessage());
    }

    @Test
    void placementAndForksReachTheConfiguration() throws Exception {
        SpawnMagic magic = new SpawnMagic();
        org.forklab.magics.parse.MagicParser.parse("%spawn", magic, List.of("--placement", "one-cpu", "--forks", "3"));
        assertEquals(CostPlacement.ONE_CPU, magic.config().placement());
        assertEquals(3, magic.config().forks());
        SpawnMagic defaults = new SpawnMagic();
        org.forklab.magics.parse.MagicParser.parse("%spawn", defaults, List.of());
        assertEquals(CostPlacement.SCHEDULER, defaults.config().placement());
        assertEquals(0, defaults.config().forks());
    }

    @Test
    void forksShowEachChildJvmsMedianBesideThePooledRow() throws Exception {
        MagicCall.line(spawn, List.of("-v", "platform-thread,process-builder", "-n", "3", "--warmup", "2", "--cold", "1",
                "--fork-memory", "none", "--forks", "2", "--as", "r"), screen.bench());
        CostResult bound = (CostResult) screen.boundValues.get(0);
        String text = (String) screen.finalDisplay().getData(MIMEType.TEXT_PLAIN);
        String html = (String) screen.finalDisplay().getData(MIMEType.TEXT_HTML);
        assertTrue(text.contains("platform thread start+join (2 child JVMs, pooled)"), text);
        assertTrue(text.contains("Each child JVM's median (the rows above pool the JVMs' samples)"), text);
        for (CostResult.VariantSamples v : bound.variants()) {
            String row = text.lines().filter(l -> l.startsWith(v.variant().label() + " ") && !l.contains("pooled"))
                    .findFirst().orElseThrow();
            v.forks().forEach(f -> assertTrue(row.contains("pid " + f.pid() + " CPU " + f.cpu()), row));
            assertTrue(row.matches(".* \\d+\\.\\d+× .*"), "the spread, highest over lowest: " + row);
        }
        assertTrue(html.contains("Each child JVM&#39;s median") || html.contains("Each child JVM's median"), html);
        assertTrue(text.contains("note: Java variants ran in 2 fresh child JVMs; placement scheduler"), text);
        screen.updates.forEach(u -> assertFalse(String.valueOf(u.getData(MIMEType.TEXT_PLAIN)).contains("%spawn: platform-thread:"),
                "one phase for the forked variants, not one per variant"));
    }

    @Test
    void theDisplaySaysWhereTheNativeRowsRan() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                org.forklab.experiments.nativeprobe.NativeProbe.bundled().availability().isEmpty(), "no C compiler here");
        MagicCall.line(spawn, List.of("-v", "pthread", "-n", "3", "--warmup", "2", "--cold", "1",
                "--fork-memory", "none", "--placement", "one-cpu", "--as", "r"), screen.bench());
        CostResult bound = (CostResult) screen.boundValues.get(0);
        String cpu = bound.settings().get(CostSetting.PINNED_CPU);
        String text = (String) screen.finalDisplay().getData(MIMEType.TEXT_PLAIN);
        assertTrue(text.contains("note: placement: one-cpu, CPU " + cpu), text);
    }

    @Test
    void forkMemoryNoneLeavesOutTheForkSweep() throws Exception {
        MagicCall.line(spawn, List.of("-v", "platform-thread", "-n", "3", "--warmup", "0", "--cold", "0",
                "--fork-memory", "none", "--as", "r"), screen.bench());
        CostResult bound = (CostResult) screen.boundValues.get(0);
        assertEquals(List.of(), bound.forkSweep());
        assertTrue(bound.of(CostVariant.PLATFORM_THREAD).isPresent());
        screen.updates.forEach(u -> assertFalse(String.valueOf(u.getData(MIMEType.TEXT_PLAIN)).contains("fork after touching"),
                "no fork-sweep phase: " + u.getData(MIMEType.TEXT_PLAIN)));
        String text = (String) screen.finalDisplay().getData(MIMEType.TEXT_PLAIN);
        assertFalse(text.contains("fork after touching"), text);
    }

    @Test
    void forkMemoryNoneMeansAnEmptySweepInTheConfiguration() throws Exception {
        SpawnMagic magic = new SpawnMagic();
        org.forklab.magics.parse.MagicParser.parse("%spawn", magic, List.of("--fork-memory", "none"));
        assertEquals(List.of(), magic.config().forkTouchBytes());
        org.forklab.magics.parse.MagicParser.parse("%spawn", magic, List.of("--fork-memory", "0,1g"));
        assertEquals(List.of(0L, 1L << 30), magic.config().forkTouchBytes());
    }

    @Test
    void forkMemoryNoneStandsAlone() {
        assertEquals("%spawn: --fork-memory none leaves out the fork sweep, so it takes no sizes besides; give sizes,"
                        + " e.g. 0,64m, or none alone",
                assertThrows(UsageError.class, () -> MagicCall.check(spawn, List.of("--fork-memory", "none,64m"))).getMessage());
        assertEquals("%spawn: --fork-memory 65g is out of range: accepted 0 to 64g (see %spawn --help)",
                assertThrows(UsageError.class, () -> MagicCall.check(spawn, List.of("--fork-memory", "none,65g"))).getMessage());
    }

    @Test
    void unwritableSaveIsOneLine() {
        UsageError e = assertThrows(UsageError.class, () -> MagicCall.line(spawn, List.of("-v", "platform-thread", "-n", "3",
                "--warmup", "0", "--fork-memory", "0", "--save", "/proc/forklab/run"), screen.bench()));
        assertTrue(e.getMessage().startsWith("%spawn: cannot write /proc/forklab/run.csv/.json: "), e.getMessage());
        assertTrue(screen.finalDisplay().hasDataForType(io.github.spencerpark.jupyter.kernel.display.mime.MIMEType.IMAGE_PNG),
                "the measurement is still shown");
        assertEquals(1, e.getMessage().lines().count());
    }
}
