package org.forklab.kernel.eval;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class ProcessStartFenceTest {
    private static StackTraceElement frame(String type, String method) {
        return new StackTraceElement(type, method, null, -1);
    }

    private static final List<StackTraceElement> FORKING = List.of(
            frame("java.lang.ProcessImpl", "forkAndExec"), frame("java.lang.ProcessImpl", "<init>"),
            frame("java.lang.ProcessImpl", "start"), frame("java.lang.ProcessBuilder", "start"),
            frame("REPL.$JShell$12", "do_it$"));
    private static final List<StackTraceElement> WAITING = List.of(
            frame("java.lang.Object", "wait"), frame("java.lang.ProcessImpl", "waitFor"),
            frame("REPL.$JShell$12", "do_it$"));

    @Test
    void aThreadForkingOrBeforeTheReaperIsStartingAProcessAndOneWaitingForItIsNot() {
        assertTrue(ProcessStartFence.startingProcess(FORKING));
        assertTrue(ProcessStartFence.startingProcess(List.of(frame("java.lang.ProcessImpl", "initStreams"),
                frame("java.lang.ProcessImpl", "<init>"))));
        assertFalse(ProcessStartFence.startingProcess(WAITING));
        assertFalse(ProcessStartFence.startingProcess(List.of(frame("REPL.$JShell$12", "do_it$"))));
    }

    @Test
    void onlyThreadsRunningThisLoadersCellsHoldTheStopBack() {
        ClassLoader cells = new ClassLoader() { };
        Thread cell = new Thread(new ThreadGroup(ProcessStartFence.CELL_THREAD_GROUP), () -> { });
        cell.setContextClassLoader(cells);
        Thread otherShell = new Thread(new ThreadGroup(ProcessStartFence.CELL_THREAD_GROUP), () -> { });
        otherShell.setContextClassLoader(new ClassLoader() { });
        Thread kernel = new Thread(() -> { });
        kernel.setContextClassLoader(cells);
        StackTraceElement[] forking = FORKING.toArray(StackTraceElement[]::new);
        StackTraceElement[] waiting = WAITING.toArray(StackTraceElement[]::new);

        assertTrue(ProcessStartFence.anyStarting(Map.of(cell, forking, kernel, waiting), cells));
        assertFalse(ProcessStartFence.anyStarting(Map.of(cell, waiting, otherShell, forking, kernel, forking), cells));
    }
}
