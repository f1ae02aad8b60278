package org.forklab.magics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import java.util.List;
import org.forklab.experiments.core.ProcessTree;
import org.forklab.experiments.switching.SwitchResult;
import org.forklab.magics.parse.MagicDefinition;
import org.forklab.spi.UsageError;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PingPongMagicTest {
    private final MagicDefinition pingpong = MagicCatalog.find("pingpong", false).orElseThrow();
    private final RecordingScreen screen = new RecordingScreen();

    @AfterEach
    void nothingLeftBehind() {
        assertEquals(List.of(), ProcessTree.descendants());
    }

    @Test
    void tinyRunShowsPerSwitchRowsAndTheFullBundle() throws Exception {
        MagicCall.line(pingpong, List.of("-m", "java-handoff,java-pipe", "-p", "scheduler", "--runs", "2", "-n", "5",
                "--warmup", "10", "--cold", "1", "--as", "pp"), screen.bench());
        DisplayData shown = screen.finalDisplay();
        String text = (String) shown.getData(MIMEType.TEXT_PLAIN);
        assertTrue(text.contains("Java threads over a SynchronousQueue, scheduler, per handoff  10 "), text);
        for (MIMEType type : List.of(MIMEType.TEXT_HTML, MIMEType.IMAGE_PNG, MIMEType.IMAGE_SVG)) {
            assertTrue(shown.hasDataForType(type), type.toString());
        }
        SwitchResult r = (SwitchResult) screen.boundValues.get(0);
        assertEquals(4, r.runs().size());
    }

    @Test
    void unknownModeIsOneLine() {
        assertEquals("%pingpong: mode 'threads' is not known: accepted thread-pipe, process-pipe, thread-futex, java-pipe,"
                + " java-handoff", assertThrows(UsageError.class, () -> MagicCall.check(pingpong, List.of("-m", "threads")))
                .getMessage());
    }
}
