package org.forklab.ijavacompat;

import org.forklab.experiments.core.ChildResult;
import org.forklab.experiments.core.ChildSpec;
import org.forklab.experiments.core.Children;
import org.forklab.experiments.core.JavaChild;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The magics jar in a stock IJava: a child JVM with basekernel and the IJava stand-in on its
 * class path (no forklab class) runs the README's one-line start-up script (docs/ijava-startup.jsh)
 * and calls magics through basekernel's registry; then a cell shows a widget through basekernel's
 * own comm manager on a real connection. Runs after packaging, on the built jar.
 */
class StockIJavaCompatibilityIT {
    private static final Path MAGICS_JAR = Path.of("target/forklab-magics.jar");
    private static final Path STARTUP = Path.of("../docs/ijava-startup.jsh");

    @Test
    void theMagicsJarLoadsAndRunsWithBasekernelAlone() throws Exception {
        assertTrue(Files.isRegularFile(MAGICS_JAR), "package first: " + MAGICS_JAR.toAbsolutePath());
        List<String> cmd = new ArrayList<>();
        cmd.add(JavaChild.javaBinary());
        cmd.add("-Djava.awt.headless=true");
        cmd.add("-cp");
        cmd.add(hostClassPath());
        cmd.add(StockIJavaHost.class.getName());
        cmd.add(MAGICS_JAR.toAbsolutePath().toString());
        cmd.add(STARTUP.toAbsolutePath().toString());
        ChildResult r = Children.run(ChildSpec.of(cmd, Duration.ofMinutes(2)));
        assertTrue(r.succeeded(), r.describeFailure() + "\n" + r.stdout());
        List<String> lines = r.stdoutLines();
        assertEquals(List.of(), lines.stream().filter(l -> l.startsWith("rejected") || l.startsWith("exception")
                || l.startsWith("  ")).toList(), r.stdout());
        assertTrue(lines.stream().anyMatch(l -> l.matches("display [1-9][0-9]*")), "%env displayed HTML:\n" + r.stdout());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("usage UsageError: %race: ") && l.contains("--bogus")),
                "a bad option is one UsageError line:\n" + r.stdout());
        assertTrue(lines.contains("forklab's magics (each explains itself with --help):")
                        && lines.stream().anyMatch(l -> l.matches("%spawn +Measure the cost of creating .*"))
                        && lines.stream().anyMatch(l -> l.matches("%%c +Compile the cell as C.*")),
                "%lsmagic lists forklab's magics under a stock host:\n" + r.stdout());
        assertTrue(lines.contains("kernel-classes false"), "no forklab kernel class is visible:\n" + r.stdout());
        // Widgets through basekernel's own CommManager (openComm): the front end refuses a widget
        // comm whose open lacks metadata version 2.1.0, so each open must carry it.
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("widget-display {") && l.contains("model_id")),
                "the slider rendered as a widget view:\n" + r.stdout());
        List<String> opens = lines.stream().filter(l -> l.startsWith("comm_open ")).toList();
        assertEquals(List.of("comm_open jupyter.widget version 2.1.0 model LayoutModel",
                "comm_open jupyter.widget version 2.1.0 model SliderStyleModel",
                "comm_open jupyter.widget version 2.1.0 model IntSliderModel"), opens, r.stdout());
    }

    /** This JVM's class path less forklab's own classes: test classes, basekernel and its libraries. */
    private static String hostClassPath() {
        List<String> keep = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(p -> p.endsWith("test-classes") || p.contains("jupyter-jvm-basekernel")
                        || p.contains("jeromq") || p.contains("jnacl") || p.contains("gson"))
                .collect(Collectors.toList());
        assertTrue(keep.stream().anyMatch(p -> p.contains("jupyter-jvm-basekernel")), keep.toString());
        return String.join(File.pathSeparator, keep);
    }
}
