package org.forklab.magics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/magics.md is what the declarations generate; regenerate with -Dforklab.writeDocs=true. */
class MagicsTableTest {
    private static final Path DOC = Path.of("..", "docs", "magics.md");

    @Test
    void committedTableMatchesTheDeclarations() throws IOException {
        String generated = MagicsTable.markdown();
        if (Boolean.getBoolean("forklab.writeDocs")) {
            Files.createDirectories(DOC.getParent());
            Files.writeString(DOC, generated, StandardCharsets.UTF_8);
        }
        String committed = Files.exists(DOC) ? Files.readString(DOC, StandardCharsets.UTF_8) : "(missing)";
        assertEquals(generated, committed, "docs/magics.md drifted from the magics' declarations; run"
                + " mvn -o test -f kernel/pom.xml -Dtest=MagicsTableTest -Dforklab.writeDocs=true and commit it");
    }

    @Test
    void tableListsEveryMagicWithItsRangesAndDefaults() {
        String table = MagicsTable.markdown();
        for (var magic : MagicCatalog.all()) {
            assertEquals(true, table.contains("| `" + magic.display() + "` | " + magic.summary() + " |"), magic.display());
        }
        assertEquals(true, table.contains("`-O, --opt LEVEL` (0..3, default 2)"), table);
        assertEquals(true, table.contains("`--timeout TIME` (0.1s..600s, default 10s)"), table);
    }
}
