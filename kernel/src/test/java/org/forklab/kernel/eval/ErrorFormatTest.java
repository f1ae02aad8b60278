package org.forklab.kernel.eval;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class ErrorFormatTest {
    @Test
    void aFrameRepeatedByRecursionIsShownOnceAndCounted() {
        List<String> frames = new ArrayList<>(Collections.nCopies(1024, "f (cell line 1)"));
        frames.add("cell (cell line 2)");
        assertEquals(List.of("f (cell line 1)", "… f called itself 1,023 more times", "cell (cell line 2)"),
                ErrorFormat.collapseFrames(frames));
    }

    @Test
    void aCycleOfTwoFramesIsShownOnceAndCounted() {
        List<String> frames = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            frames.add("ping (cell line 1)");
            frames.add("pong (cell line 2)");
        }
        assertEquals(List.of("ping (cell line 1)", "pong (cell line 2)", "… the 2 frames above repeated 9 more times"),
                ErrorFormat.collapseFrames(frames));
    }

    @Test
    void shortTracesStayAsTheyAre() {
        List<String> frames = List.of("a (cell line 1)", "b (cell line 2)", "b (cell line 2)", "cell (cell line 3)");
        assertEquals(frames, ErrorFormat.collapseFrames(frames));
    }

    @Test
    void aLongTraceWithoutRepeatsIsCappedWithItsCount() {
        List<String> frames = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            frames.add("m" + i + " (cell line " + i + ")");
        }
        List<String> shown = ErrorFormat.collapseFrames(frames);
        assertEquals(ErrorFormat.MAX_FRAMES, shown.size());
        assertEquals("… 85 more frames not shown", shown.get(ErrorFormat.MAX_FRAMES - 4));
        assertEquals("m99 (cell line 99)", shown.get(shown.size() - 1));
    }

    @Test
    void aLongSourceLineIsShownOnlyAroundTheError() {
        String cell = "int[] a = {" + "1,".repeat(20_000) + "x};";
        int at = cell.indexOf('x');
        List<String> lines = ErrorFormat.compileDiagnostic(cell, "cannot find symbol", at, at + 1);
        assertTrue(lines.get(1).length() < ErrorFormat.MAX_SHOWN_LINE + 20, lines.get(1));
        int caret = lines.get(2).indexOf('^');
        assertEquals('x', lines.get(1).charAt(caret));
    }
}
