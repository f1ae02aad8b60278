package org.forklab.kernel.magic;

import org.forklab.spi.Suggestions;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

class MagicRegistryTest {

    private static MagicRegistry registry() {
        MagicRegistry registry = new MagicRegistry();
        for (String name : List.of("classpath", "jars", "maven", "load", "lsmagic")) {
            registry.registerLineMagic(name, args -> null);
        }
        registry.describeLineMagic("maven", "Resolve artifacts.");
        registry.registerCellMagic("timeit", (args, body) -> null);
        return registry;
    }

    @Test
    void didYouMeanFindsTypos() {
        MagicRegistry registry = registry();
        assertEquals(Optional.of("maven"), registry.closest("mavn", false));
        assertEquals(Optional.of("lsmagic"), registry.closest("lsmagc", false));
        assertEquals(Optional.of("classpath"), registry.closest("class", false));
        assertEquals(Optional.empty(), registry.closest("zzzzzzzz", false));
        assertEquals(Optional.of("timeit"), registry.closest("timit", true));
    }

    @Test
    void reflectiveRegistrationIsRecordedToo() {
        MagicRegistry registry = new MagicRegistry();
        registry.registerMagics(new Object() {
            @io.github.spencerpark.jupyter.kernel.magic.registry.LineMagic
            public String hello(List<String> args) {
                return "hi";
            }
        });
        assertTrue(registry.lineMagics().containsKey("hello"));
    }

    @Test
    void lsmagicListsLineAndCellMagicsWithSummaries() {
        String listing = LsMagic.listing(registry());
        assertEquals(String.join("\n",
                "Line magics:",
                "  %classpath",
                "  %jars",
                "  %load",
                "  %lsmagic",
                "  %maven      Resolve artifacts.",
                "Cell magics:",
                "  %%timeit",
                ""), listing);
    }

    @Test
    void distanceCountsSingleCharacterEdits() {
        assertEquals(0, Suggestions.distance("load", "load"));
        assertEquals(1, Suggestions.distance("mavn", "maven"));
        assertEquals(3, Suggestions.distance("kitten", "sitting"));
    }
}
