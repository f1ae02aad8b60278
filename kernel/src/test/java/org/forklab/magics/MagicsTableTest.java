package org.forklab.magics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The rows the forklab magics add to the README's table. The README itself, with the kernel's
 * own magics, is checked by org.forklab.kernel.ReadmeMagicsTableTest.
 */
class MagicsTableTest {

    @Test
    void tableListsEveryMagicWithItsRangesAndDefaults() {
        String table = MagicsTable.markdown();
        assertTrue(table.startsWith("| Magic | What it does | Options (default) |\n|---|---|---|\n"), table);
        for (var magic : MagicCatalog.all()) {
            assertEquals(true, table.contains("| `" + magic.display() + "` | " + magic.summary() + " |"), magic.display());
        }
        assertEquals(MagicCatalog.all().size() + 2, table.lines().count(), "one row per magic");
        assertTrue(table.contains("`-O, --opt LEVEL` (0..3, default 2)"), table);
        assertTrue(table.contains("`--timeout TIME` (0.1s..600s, default 10s)"), table);
        assertTrue(table.contains("`FILE...`"), "positional parameters with their labels");
        assertTrue(!table.contains("`-h, --help`"), "help is common to all and said once in the README");
    }
}
