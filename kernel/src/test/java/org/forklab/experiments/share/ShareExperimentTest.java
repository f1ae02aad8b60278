package org.forklab.experiments.share;

import org.forklab.experiments.core.BadParameterException;
import org.forklab.experiments.core.Caps;
import org.forklab.experiments.core.ProcessTree;
import org.forklab.experiments.nativeprobe.NativeProbe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

class ShareExperimentTest {
    static final Caps ROOMY = new Caps(64, 16, 1_000, 4L << 30);
    private static final ShareConfig CONFIG = ShareConfig.defaults(ROOMY).withWorkers(3);
    private static ShareResult result;

    @BeforeAll
    static void runOnce() throws Exception {
        result = ShareExperiment.run(CONFIG);
    }

    @AfterEach
    void nothingLeftBehind() {
        assertEquals(List.of(), ProcessTree.descendants());
        assertEquals(List.of(), ProcessTree.zombieChildren());
        assertEquals(0, Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("forklab-share-")).count());
    }

    @Test
    void threadsShareThePidTheGlobalTheHeapObjectAndTheDescriptorTable() {
        JavaThreadsView t = result.javaThreads();
        long me = ProcessHandle.current().pid();
        assertEquals(me, t.mainPid());
        assertEquals(3, t.threads().size());
        assertTrue(t.threads().stream().allMatch(o -> o.pid() == me));
        assertEquals(3, t.threads().stream().map(ThreadObservation::tid).distinct().count(), "one TID each");
        assertTrue(t.threads().stream().noneMatch(o -> o.tid() == me));
        assertEquals(ShareExperiment.THREAD_WRITE, t.globalAfterThreadWrite());
        assertEquals(3, t.heapWritesSeenByMain());
        assertEquals(1, t.threads().stream().mapToInt(ThreadObservation::heapIdentity).distinct().count());
        assertEquals(1, t.descriptorsOnSharedFile());
        assertEquals(51, t.bytesWrittenByOther());
        List<String> sps = t.threads().stream().flatMap(o -> o.stackPointer().stream()).toList();
        assertEquals(sps.size(), Set.copyOf(sps).size(), "no two live threads on one stack: " + sps);
    }

    @Test
    void processesGetTheirOwnCopiesAndTheirOwnDescriptors() {
        JavaProcessesView p = result.javaProcesses();
        assertEquals(3, p.processes().size());
        Set<Long> pids = p.processes().stream().map(ProcessObservation::pid).collect(Collectors.toSet());
        assertEquals(3, pids.size());
        assertFalse(pids.contains(p.parentPid()));
        for (ProcessObservation o : p.processes()) {
            assertEquals(SharedState.INITIAL, o.heapSeen(), "a child never sees the parent's object");
            assertEquals(0, o.globalSeen(), "a child JVM starts with its own fresh global");
            assertEquals(1000 + o.worker(), o.globalWritten());
            assertTrue(o.descriptor() >= 0);
        }
        assertEquals(ShareExperiment.PARENT_HEAP, p.parentHeapValue());
        assertEquals(ShareExperiment.PARENT_VALUE, p.parentGlobal(), "the children's writes never reach the parent");
        assertEquals(0, p.parentDescriptorsBefore());
        assertEquals(0, p.parentDescriptorsAfter());
        assertEquals(SharedState.INITIAL, SharedState.HEAP.get(), "the parent's heap object is put back");
    }

    @Test
    void nativeProbeShowsTheSameAddressHoldingDifferentValuesAfterFork() {
        Optional<String> why = NativeProbe.bundled().availability();
        if (why.isPresent()) {
            assertEquals(why, result.nativeSkipped());
            assertTrue(result.nativeView().isEmpty());
            assertFalse(why.get().contains("\n"));
            return;
        }
        NativeShareView n = result.nativeView().orElseThrow();
        assertEquals(3, n.tids().size());
        assertEquals(3, Set.copyOf(n.tids()).size());
        assertEquals(3, Set.copyOf(n.stackLocals()).size(), "one stack each");
        assertEquals(42, n.globalAfterThread());
        assertEquals(3, n.heapValueInMain());
        assertTrue(n.descriptorBytes() > 0);
        assertTrue(n.handlerSeenByMain());
        assertNotEquals(n.pid(), n.childPid());
        assertEquals(n.forkAddressParent(), n.forkAddressChild());
        assertEquals(2, n.forkValueChild());
        assertEquals(1, n.forkValueParent());
        assertFalse(n.childDescriptorInParent());
        assertFalse(n.childHandlerInParent());
    }

    @Test
    void elevenRowsOfTheResourceTable() {
        assertEquals(List.of("virtual address space", "code", "globals", "heap", "stack", "program counter", "registers",
                        "file descriptors", "PID / TID", "signal handlers", "credentials"),
                result.rows().stream().map(ShareRow::resource).toList());
        for (ShareRow r : result.rows()) {
            assertFalse(r.threads().isBlank() || r.processes().isBlank() || r.shows().isBlank(), r.toString());
            assertFalse((r.threads() + r.processes()).contains("\n"), r.toString());
        }
        assertTrue(result.row("globals").orElseThrow().threads().startsWith("worker 0 wrote 42, main read 42"));
        assertEquals("share", result.experiment());
        assertEquals("3", result.settings().get(ShareSetting.WORKERS));
    }

    @Test
    void refusesBadParametersInOneLine() {
        assertEquals("workers = 0 is out of range: accepted 1 to 16; try 1",
                assertThrows(BadParameterException.class, () -> CONFIG.withWorkers(0)).getMessage());
        assertEquals("workers = 17 is out of range: accepted 1 to 16; try 16",
                assertThrows(BadParameterException.class, () -> CONFIG.withWorkers(17)).getMessage());
        assertEquals("processes = 3 is above the safety cap of 2 on this machine; lower it, or raise the cap with --max-processes",
                assertThrows(BadParameterException.class, () -> CONFIG.withCaps(new Caps(64, 2, 10, 4L << 30))).getMessage());
    }

    @Test
    void anInterruptedCallerGetsInterruptedExceptionAndNoThreadStaysBehind() {
        Thread.currentThread().interrupt();
        try {
            assertThrows(InterruptedException.class, () -> ShareExperiment.run(CONFIG));
        } finally {
            Thread.interrupted();
        }
    }
}
