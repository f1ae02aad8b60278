package org.forklab.experiments.core;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class CheckTest {

    @Test
    void anUnknownWordIsEchoedOnOneLineWithControlCharactersEscaped() {
        BadParameterException e = assertThrows(BadParameterException.class,
                () -> Check.oneOf("mode", "a\nb\t", List.of("same", "split")));
        assertEquals("mode 'a\\u000ab\\u0009' is not known: accepted same, split", e.getMessage());
    }

    @Test
    void veryLongInputIsCut() {
        String echoed = Check.printable("x".repeat(500));
        assertEquals("x".repeat(60) + "…", echoed);
    }
}
