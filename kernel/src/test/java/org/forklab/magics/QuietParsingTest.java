package org.forklab.magics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.forklab.magics.parse.MagicParser;
import org.forklab.spi.UsageError;
import org.junit.jupiter.api.Test;

/** A refusal is the only line a student sees: picocli must not add warnings of its own. */
class QuietParsingTest {

    @Test
    void unbalancedQuotesInAListValueGiveTheRefusalAndNothingOnStandardError() {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            assertThrows(UsageError.class,
                    () -> MagicParser.parse("%spawn", new SpawnMagic(), List.of("--fork-memory", "1m\"2m")));
        } finally {
            System.setErr(original);
        }
        assertEquals("", captured.toString(StandardCharsets.UTF_8));
    }
}
