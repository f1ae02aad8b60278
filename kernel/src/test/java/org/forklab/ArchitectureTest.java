package org.forklab;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The doors of the house open one way: experiments, stats and charts know nothing of
 * the kernel or the magics, and the magics know nothing of the forklab kernel, so that the
 * magics jar loads into a stock IJava. A plain scan of the sources' imports and qualified names.
 */
class ArchitectureTest {
    private static final Path SOURCES = Path.of("src/main/java/org/forklab");
    private static final Pattern REFERENCE = Pattern.compile("\\borg\\.forklab\\.(\\w+)");

    @ParameterizedTest(name = "{0} does not use {1}")
    @CsvSource({
        "experiments, kernel", "experiments, magics", "experiments, spi", "experiments, charts",
        "stats, kernel", "stats, magics", "stats, spi", "stats, experiments", "stats, charts",
        "charts, kernel", "charts, magics", "charts, spi", "charts, experiments",
        "magics, kernel", "spi, kernel", "spi, magics",
    })
    void packageDoesNotReferTo(String from, String forbidden) throws IOException {
        Path dir = SOURCES.resolve(from);
        if (!Files.isDirectory(dir)) {
            return;
        }
        List<String> offenders;
        try (Stream<Path> files = Files.walk(dir)) {
            offenders = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> refersTo(p, forbidden))
                    .map(Path::toString)
                    .toList();
        }
        assertEquals(List.of(), offenders, "org.forklab." + from + " must not refer to org.forklab." + forbidden);
    }

    /** One of each: a second class of these names would be a second copy of the same job. */
    @ParameterizedTest(name = "one class named {0}, in {1}")
    @CsvSource({
        "UsageError, spi/UsageError.java",
        "Html, stats/format/Html.java",
        "SamplesJson, experiments/core/SamplesJson.java",
    })
    void oneOfEach(String simpleName, String home) throws IOException {
        List<String> found;
        try (Stream<Path> files = Files.walk(SOURCES)) {
            found = files.filter(p -> p.getFileName().toString().equals(simpleName + ".java"))
                    .map(p -> SOURCES.relativize(p).toString())
                    // org.forklab.widgets.Html is the HTML widget of ipywidgets, not an escape.
                    .filter(p -> !p.equals("widgets/Html.java"))
                    .toList();
        }
        assertEquals(List.of(home), found);
    }

    /** Processes are ended in one place: nothing but ProcessTree kills by the handles' destroy calls. */
    @ParameterizedTest(name = "only the kill-tree policy calls {0}")
    @CsvSource({"destroyForcibly", "-STOP"})
    void oneKillTreePolicy(String call) throws IOException {
        List<String> offenders;
        try (Stream<Path> files = Files.walk(SOURCES)) {
            offenders = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> read(p).contains("ProcessHandle::" + call) || read(p).contains("\"" + call))
                    .map(p -> SOURCES.relativize(p).toString())
                    .filter(p -> !p.equals("experiments/core/ProcessTree.java"))
                    .toList();
        }
        assertEquals(List.of(), offenders, "kill trees through org.forklab.experiments.core.ProcessTree");
    }

    /** Helpers live in the room their name says: benchmark entries in bench/, not in the kernel's sources. */
    @ParameterizedTest(name = "no {0} in the kernel's sources")
    @CsvSource({"FiguresMain.java", "SampleUnits.java", "Slope.java"})
    void helpersInTheirRooms(String fileName) throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            assertEquals(List.of(), files.filter(p -> p.getFileName().toString().equals(fileName))
                    .map(Path::toString).toList());
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean refersTo(Path file, String pkg) {
        try {
            Matcher m = REFERENCE.matcher(Files.readString(file));
            while (m.find()) {
                if (m.group(1).equals(pkg)) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }

    /**
     * One registration per experiment: magics are defined and views registered only by the
     * builder MagicCatalog uses, so no second list of magics or views can grow elsewhere.
     */
    @Test
    void magicsAndViewsAreRegisteredInOnePlace() throws IOException {
        Pattern registering = Pattern.compile("MagicDefinition\\.(line|cell)\\(|(Views|Readings)\\.register\\(");
        Path allowed = SOURCES.resolve("magics/Registrations.java");
        List<String> offenders = sources().stream()
                .filter(p -> !p.equals(allowed) && !p.endsWith("parse/MagicDefinition.java") && !p.endsWith("view/Views.java")
                        && !p.endsWith("readings/Readings.java"))
                .filter(p -> registering.matcher(read(p)).find()).map(Path::toString).toList();
        assertEquals(List.of(), offenders, "magics, views and readings are registered only through MagicCatalog's Registrations");
    }

    /**
     * One picocli adapter: the kernel's magics and the forklab magics build their command lines
     * (settings, help, one-line refusal with its "did you mean") through spi's MagicCommandLine.
     * The launcher's own command line (kernel/Main) is not a magic.
     */
    @Test
    void magicsBuildTheirCommandLinesThroughOneAdapter() throws IOException {
        Pattern building = Pattern.compile("new CommandLine\\(|UnmatchedArgumentException");
        List<String> offenders = sources().stream()
                .filter(p -> !p.endsWith("spi/MagicCommandLine.java") && !p.endsWith("kernel/Main.java"))
                .filter(p -> building.matcher(read(p)).find()).map(Path::toString).toList();
        assertEquals(List.of(), offenders, "magics parse through org.forklab.spi.MagicCommandLine");
    }

    /** Experiments announce their phases to ProgressListener; no magic splits a run and joins the parts again. */
    @Test
    void noMagicSplitsAnExperimentIntoPhases() throws IOException {
        Pattern split = Pattern.compile("\\binPhases\\b|\\bPhases\\.(run|Phase)\\b");
        List<String> offenders = sources().stream().filter(p -> split.matcher(read(p)).find()).map(Path::toString).toList();
        assertEquals(List.of(), offenders, "phases are announced by the experiment itself (ProgressListener)");
    }

    /** A lookup of a setting by the label displays show, the way settings were read before they had keys. */
    private static final Pattern SETTING_BY_LABEL = Pattern.compile(
            "settings\\(\\)\\s*\\.\\s*(get|getOrDefault|containsKey)\\(\\s*\"|byLabel\\(\\)\\s*\\.\\s*(get|getOrDefault|containsKey)\\(");

    /**
     * Settings are read by key (each experiment's Setting enum), never by a human label: a label
     * changed for the display would otherwise silently break its reader. Keys made at run time come
     * only from the experiments' own key enums.
     */
    @Test
    void settingsAreReadByKeyNotByLabel() throws IOException {
        assertTrue(SETTING_BY_LABEL.matcher("r.settings().get(\"workers\")").find(), "the rule sees a lookup by label");
        assertTrue(SETTING_BY_LABEL.matcher("r.settings().byLabel().get(CostSetting.SAMPLES.label())").find());
        assertTrue(!SETTING_BY_LABEL.matcher("r.settings().get(RaceSetting.WORKERS)").find(), "a lookup by key passes");
        Pattern keyFile = Pattern.compile(".*/experiments/(\\w+/\\w+Setting|core/Setting)\\.java");
        List<String> offenders = sources().stream()
                .filter(p -> SETTING_BY_LABEL.matcher(read(p)).find()
                        || read(p).contains("Setting.derived(") && !keyFile.matcher(p.toString()).matches())
                .map(Path::toString).toList();
        assertEquals(List.of(), offenders, "read settings by their key (e.g. CostSetting.PINNED_CPU), not by label");
    }

    /** Every patch of basekernel's protocol behaviour lives in org.forklab.kernel.protocol, where its reason is written. */
    @Test
    void protocolPatchesLiveInTheirPackage() throws IOException {
        Pattern patch = Pattern.compile("(extends|implements)\\s+(ShellChannel|JupyterConnection|ShellHandler|KernelInfoReply"
                + "|\\w+Reply)\\b|class \\w+ReplyWithStatus\\b");
        Path protocol = SOURCES.resolve("kernel/protocol");
        List<String> inside = new java.util.ArrayList<>();
        List<String> outside = new java.util.ArrayList<>();
        for (Path p : sources()) {
            if (patch.matcher(read(p)).find()) {
                (p.startsWith(protocol) ? inside : outside).add(p.toString());
            }
        }
        assertEquals(List.of(), outside, "protocol patches belong in org.forklab.kernel.protocol");
        assertTrue(inside.size() >= 4, "the patches were found where they belong: " + inside);
    }
}
