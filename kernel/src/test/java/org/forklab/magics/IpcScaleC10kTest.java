package org.forklab.magics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import java.util.List;
import org.forklab.experiments.c10k.C10kResult;
import org.forklab.experiments.core.ProcessTree;
import org.forklab.experiments.ipc.IpcResult;
import org.forklab.experiments.scale.ScaleResult;
import org.forklab.spi.UsageError;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** %ipc, %scale and %c10k at tiny sizes through the magic path; refusals in one line. */
class IpcScaleC10kTest {
    private final RecordingScreen screen = new RecordingScreen();

    @AfterEach
    void nothingLeftBehind() {
        assertEquals(List.of(), ProcessTree.descendants());
    }

    private DisplayData run(String name, String... args) throws Exception {
        MagicCall.line(MagicCatalog.find(name, false).orElseThrow(), List.of(args), screen.bench());
        return screen.finalDisplay();
    }

    private static void fullBundle(DisplayData shown) {
        for (MIMEType type : List.of(MIMEType.TEXT_PLAIN, MIMEType.TEXT_HTML, MIMEType.IMAGE_PNG, MIMEType.IMAGE_SVG)) {
            assertTrue(shown.hasDataForType(type), type.toString());
        }
    }

    @Test
    void ipcThreadAndPipeWithTheirClaims() throws Exception {
        DisplayData shown = run("ipc", "-t", "thread-handoff,pipe", "-p", "scheduler", "-s", "8,1k", "--latency-samples", "5",
                "--throughput-samples", "2", "--as", "i");
        fullBundle(shown);
        String text = (String) shown.getData(MIMEType.TEXT_PLAIN);
        assertTrue(text.contains("threads pass a small message in nanoseconds: under 1 µs one way"), text);
        assertTrue(text.contains("processes talk through a pipe in microseconds to milliseconds"), text);
        assertEquals(2, ((IpcResult) screen.boundValues.get(0)).transports().size());
    }

    @Test
    void scaleSlopesWithTheirClaims() throws Exception {
        DisplayData shown = run("scale", "-k", "platform-threads", "--threads", "5,10,15", "--as", "s");
        fullBundle(shown);
        String text = (String) shown.getData(MIMEType.TEXT_PLAIN);
        assertTrue(text.contains("Cost per entity: least-squares slope over the counts"), text);
        assertTrue(text.contains("a Java platform thread's stack, beside the native stack claims"), text);
        assertTrue(screen.boundValues.get(0) instanceof ScaleResult);
    }

    @Test
    void c10kSmall() throws Exception {
        DisplayData shown = run("c10k", "-s", "selector,threads", "-k", "2,4", "-r", "3", "--as", "c");
        fullBundle(shown);
        assertEquals(4, ((C10kResult) screen.boundValues.get(0)).points().size());
        String text = (String) shown.getData(MIMEType.TEXT_PLAIN);
        assertTrue(text.contains("RSS per connection"), "memory per connection beside throughput: " + text);
    }

    @Test
    void refusalsAreOneLine() {
        assertEquals("%ipc: transport 'pipes' is not known: accepted thread-spin, thread-handoff, thread-copy, pipe,"
                + " unix-socket, tcp-loopback, shared-memory, native-threads-spin, native-threads-futex, native-shm-spin,"
                + " native-shm-futex", assertThrows(UsageError.class, () -> MagicCall.check(
                        MagicCatalog.find("ipc", false).orElseThrow(), List.of("-t", "pipes"))).getMessage());
        assertEquals("%ipc: --sizes 17m is out of range: accepted 1 to 16m (see %ipc --help)",
                assertThrows(UsageError.class, () -> MagicCall.check(MagicCatalog.find("ipc", false).orElseThrow(),
                        List.of("-s", "17m"))).getMessage());
        assertEquals("%ipc: placement 'one-cpu' is not known: accepted same-cpu, two-cpus, scheduler",
                assertThrows(UsageError.class, () -> MagicCall.check(MagicCatalog.find("ipc", false).orElseThrow(),
                        List.of("-p", "one-cpu"))).getMessage());
        assertTrue(assertThrows(UsageError.class, () -> MagicCall.check(MagicCatalog.find("scale", false).orElseThrow(),
                List.of("-k", "fibers"))).getMessage().startsWith("%scale: kind 'fibers' is not known"));
    }
}
