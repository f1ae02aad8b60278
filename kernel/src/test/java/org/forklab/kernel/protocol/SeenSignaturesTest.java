package org.forklab.kernel.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeenSignaturesTest {
    @Test
    void aSignatureIsNewOnceThenARepeat() {
        SeenSignatures seen = new SeenSignatures();
        assertTrue(seen.firstTime("ab12"));
        assertFalse(seen.firstTime("ab12"));
        assertTrue(seen.firstTime("cd34"));
    }

    @Test
    void unsignedMessagesAreNeverTakenForRepeats() {
        SeenSignatures seen = new SeenSignatures();
        assertTrue(seen.firstTime(""));
        assertTrue(seen.firstTime(""));
    }

    @Test
    void theHistoryIsBoundedAndForgetsTheOldestFirst() {
        SeenSignatures seen = new SeenSignatures(3);
        for (String s : List.of("a", "b", "c", "d")) {
            assertTrue(seen.firstTime(s));
        }
        assertTrue(seen.firstTime("a"), "the oldest was forgotten past the capacity");
        assertFalse(seen.firstTime("d"));
    }

    @Test
    void theSignatureIsTheFrameAfterTheDelimiter() {
        List<byte[]> frames = List.of(bytes("client-id"), bytes("<IDS|MSG>"), bytes("f00d"), bytes("{}"),
                bytes("{}"), bytes("{}"), bytes("{}"));
        assertEquals("f00d", PromptShellChannel.signatureOf(frames));
        assertEquals("", PromptShellChannel.signatureOf(List.of(bytes("{}"))));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
