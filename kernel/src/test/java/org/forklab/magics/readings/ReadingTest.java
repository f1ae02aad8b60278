package org.forklab.magics.readings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.forklab.magics.io.Bundle;
import org.junit.jupiter.api.Test;

class ReadingTest {

    @Test
    void sentencesAreCapitalisedAndEndWithAFullStop() {
        Reading r = Reading.of("fork takes 9× as long", Optional.empty(), Optional.of("the claim holds."));
        assertEquals("Fork takes 9× as long. The claim holds.", r.prose());
        assertEquals("Reading: Fork takes 9× as long. The claim holds.\n", r.text());
    }

    @Test
    void theReadingOpensTextAndHtmlWithTheMarkersTheLessonsCheck() {
        Bundle b = Reading.of("a < b").first(Bundle.of("table\n", "<table></table>"));
        assertTrue(b.text().startsWith("Reading: A < b.\n"), b.text());
        assertTrue(b.html().startsWith("<p class=\"forklab-reading\">A &lt; b.</p>\n<table>"), b.html());
    }

    @Test
    void aReadingWithoutSentencesIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Reading(List.of()));
    }
}
