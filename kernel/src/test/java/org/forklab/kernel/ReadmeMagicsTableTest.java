package org.forklab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.forklab.kernel.magic.BuiltinMagics;
import org.forklab.kernel.magic.ClasspathMagic;
import org.forklab.kernel.magic.JarsMagic;
import org.forklab.kernel.magic.LoadMagic;
import org.forklab.kernel.magic.LsMagic;
import org.forklab.kernel.magic.MagicRegistry;
import org.forklab.kernel.magic.MavenMagic;
import org.forklab.spi.MagicCommandLine;
import org.forklab.magics.MagicCatalog;
import org.forklab.magics.MagicsTable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * README.md's table of magics, between its magics markers, is what the declarations generate:
 * the kernel's own magics (picocli commands in org.forklab.kernel.magic) and the forklab
 * magics. This is the one copy of the table; regenerate it with
 * {@code mvn -o test -f kernel/pom.xml -Dtest=ReadmeMagicsTableTest -Dforklab.writeDocs=true}.
 */
class ReadmeMagicsTableTest {
    private static final Path README = Path.of("..", "README.md");
    private static final String START = "<!-- magics:start -->";
    private static final String END = "<!-- magics:end -->";
    /** The kernel's magics in the order the table shows them; the test below keeps it complete. */
    private static final List<Class<?>> KERNEL_MAGICS =
            List.of(LsMagic.class, ClasspathMagic.class, JarsMagic.class, MavenMagic.class, LoadMagic.class);

    static String section() {
        StringBuilder out = new StringBuilder(START).append('\n')
                .append("<!-- Generated from the magics' declarations by ReadmeMagicsTableTest; do not edit. -->\n")
                .append("## Magics\n\n")
                .append("Every magic takes `-h, --help`, which prints the same declarations in full; bad input gets one"
                        + " line saying what was wrong and what is accepted. Durations read like `500ms`, `2.5s`, `1m`;"
                        + " sizes like `64k`, `1m`, `1g` (powers of 1024). `%lsmagic` lists them all in the notebook.\n\n")
                .append(MagicsTable.header());
        for (Class<?> type : KERNEL_MAGICS) {
            CommandSpec spec = new CommandLine(type).getCommandSpec();
            out.append(MagicsTable.row(spec.name(), MagicCommandLine.summary(type), spec));
        }
        return out.append(MagicsTable.rows()).append(END).append('\n').toString();
    }

    @Test
    void readmeTableMatchesTheDeclarations() throws IOException {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        String generated = section();
        if (Boolean.getBoolean("forklab.writeDocs")) {
            readme = replaced(readme, generated);
            Files.writeString(README, readme, StandardCharsets.UTF_8);
        }
        int start = readme.indexOf(START);
        int end = readme.indexOf(END);
        assertTrue(start >= 0 && end > start, "README.md has no " + START + " ... " + END + " section");
        assertEquals(generated, readme.substring(start, end + END.length() + 1), "README.md's magics table drifted"
                + " from the declarations; run mvn -o test -f kernel/pom.xml -Dtest=ReadmeMagicsTableTest"
                + " -Dforklab.writeDocs=true and commit README.md");
    }

    @Test
    void everyRegisteredMagicHasItsRow() {
        MagicRegistry registry = new MagicRegistry();
        BuiltinMagics.registerAll(registry, null); // the commands are made only when a magic runs
        Set<String> kernel = KERNEL_MAGICS.stream().map(t -> new CommandLine(t).getCommandName().substring(1))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(registry.lineMagics().keySet()), kernel,
                "a kernel magic was added or removed: list its class in KERNEL_MAGICS");
        String section = section();
        registry.lineMagics().keySet().forEach(name -> assertTrue(section.contains("| `%" + name + "` |"), name));
        MagicCatalog.all().forEach(m -> assertTrue(section.contains("| `" + m.display() + "` | " + m.summary()), m.display()));
        assertTrue(section.contains("`-r, --repository URL`"), section);
        assertTrue(section.contains("`COORDINATE...`"), section);
    }

    /** The README with its magics section replaced, or appended after "Set up" when it has none yet. */
    private static String replaced(String readme, String section) {
        int start = readme.indexOf(START);
        int end = readme.indexOf(END);
        if (start >= 0 && end > start) {
            return readme.substring(0, start) + section + readme.substring(end + END.length() + 1);
        }
        int next = readme.indexOf("\n## ", readme.indexOf("## Set up") + 1);
        return next < 0 ? readme.stripTrailing() + "\n\n" + section
                : readme.substring(0, next + 1) + section + "\n" + readme.substring(next + 1);
    }
}
