package org.forklab.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A machine without fonts, imitated with a fontconfig file that lists no font directories.
 * Depending on the JDK, AWT then either falls back to fonts it finds by itself (Debian's
 * OpenJDK 17 does) or fails (Temurin 25: "Fontconfig head is null", first met while the chart
 * is built and its labels laid out). Either way the caller must see a chart or the one-line
 * message, never a stack trace.
 */
class NoFontsTest {

    @Test
    void withoutFontsRenderingEitherWorksOrSaysWhatToInstall(@TempDir Path dir) throws Exception {
        List<Path> javas = new ArrayList<>();
        javas.add(Path.of(System.getProperty("java.home"), "bin", "java"));
        Path temurin25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java"); // the project's second JDK
        if (Files.isExecutable(temurin25) && !javas.get(0).startsWith("/usr/lib/jvm/temurin-25-jdk-amd64")) {
            javas.add(temurin25);
        }
        Path config = dir.resolve("fonts.conf");
        Files.writeString(config, "<?xml version=\"1.0\"?>\n<fontconfig><cachedir>" + dir.resolve("cache")
                + "</cachedir></fontconfig>\n");
        for (Path java : javas) {
            String out = runChild(java, config, dir);
            boolean rendered = out.matches("rendered \\d+\\n");
            boolean explained = out.equals("message: " + ChartRenderingException.MISSING_FONTS + "\n");
            assertTrue(rendered || explained, java + " printed:\n" + out);
        }
    }

    private static String runChild(Path java, Path config, Path dir) throws IOException, InterruptedException {
        // a home of its own: the JDK keeps what fontconfig told it in ~/.java/fonts, and a run
        // that finds an earlier one draws with the fonts listed there, never meeting the failure
        ProcessBuilder builder = new ProcessBuilder(java.toString(), "-Djava.awt.headless=true",
                "-Duser.home=" + dir.resolve("home"), "-cp", System.getProperty("java.class.path"), NoFontsChild.class.getName());
        builder.environment().put("FONTCONFIG_FILE", config.toString());
        builder.redirectErrorStream(true); // a stack trace on stderr must show up in the output
        builder.redirectOutput(dir.resolve("out.txt").toFile());
        Process process = builder.start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError(java + " did not finish rendering within 120 s");
        }
        assertEquals(0, process.exitValue(), "child exit status");
        return Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8);
    }
}
