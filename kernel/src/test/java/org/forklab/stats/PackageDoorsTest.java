package org.forklab.stats;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The doors open one way: stats and charts import nothing from the kernel side. */
class PackageDoorsTest {

    private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s+(static\\s+)?([\\w.]+)", Pattern.MULTILINE);

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "stats  | org.forklab.kernel,org.forklab.spi,org.forklab.magics,org.forklab.experiments,org.forklab.charts",
            "charts | org.forklab.kernel,org.forklab.spi,org.forklab.magics,org.forklab.experiments"})
    void importsStayInside(String pkg, String forbiddenList) throws IOException {
        Path root = Path.of("src/main/java/org/forklab", pkg);
        assertTrue(Files.isDirectory(root), "run from the kernel module: " + root.toAbsolutePath());
        List<String> violations = new ArrayList<>();
        List<String> forbidden = List.of(forbiddenList.split(","));
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                Matcher m = IMPORT.matcher(source);
                while (m.find()) {
                    String imported = m.group(2);
                    if (forbidden.stream().anyMatch(imported::startsWith)) {
                        violations.add(file + " imports " + imported);
                    }
                }
                for (String f : forbidden) {
                    if (source.replaceAll("(?m)^\\s*import .*$", "").contains(f + ".")) {
                        violations.add(file + " names " + f + " inline");
                    }
                }
            }
        }
        assertTrue(violations.isEmpty(), String.join("\n", violations));
    }
}
