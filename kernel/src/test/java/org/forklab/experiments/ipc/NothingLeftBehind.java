package org.forklab.experiments.ipc;

import org.forklab.experiments.core.ProcessTree;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Test extension: after each test no child process, no zombie and no thread started during the
 * test may be left (JDK service threads aside, see {@link LeftoverThreads}).
 */
public final class NothingLeftBehind implements BeforeEachCallback, AfterEachCallback {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(NothingLeftBehind.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        context.getStore(NAMESPACE).put("threads", LeftoverThreads.live());
    }

    @Override
    @SuppressWarnings("unchecked")
    public void afterEach(ExtensionContext context) throws Exception {
        Set<Thread> before = (Set<Thread>) context.getStore(NAMESPACE).get("threads");
        assertEquals(List.of(), ProcessTree.descendants());
        assertEquals(List.of(), ProcessTree.zombieChildren());
        assertEquals(Set.of(), LeftoverThreads.startedSince(before));
    }
}
