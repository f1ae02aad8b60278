package org.forklab;

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
}
