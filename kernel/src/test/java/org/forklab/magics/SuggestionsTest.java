package org.forklab.magics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.forklab.magics.parse.MagicDefinition;
import org.forklab.spi.Suggestions;
import org.forklab.spi.UsageError;
import org.junit.jupiter.api.Test;

/** "Did you mean" by edit distance, a swap of two letters one edit, naming only the option. */
class SuggestionsTest {
    @Test
    void aTranspositionIsOneEdit() {
        assertEquals(1, Suggestions.distance("--smaples", "--samples"));
        assertEquals(2, Suggestions.distance("--smaples", "--sample"));
        assertEquals(Optional.of("--samples"), Suggestions.closest("--smaples", List.of("--samples", "--as", "--save")));
        assertEquals(Optional.empty(), Suggestions.closest("--colour", List.of("--samples", "--as")));
    }

    @Test
    void aMistypedOptionWithAValueNamesOnlyTheOption() throws Exception {
        MagicDefinition spawn = MagicCatalog.find("spawn", false).orElseThrow();
        RecordingScreen screen = new RecordingScreen();
        UsageError e = assertThrows(UsageError.class,
                () -> MagicCall.line(spawn, List.of("--smaples", "40"), screen.bench()));
        assertEquals("%spawn: unknown option '--smaples'; did you mean --samples? (see %spawn --help)", e.getMessage());
    }
}
