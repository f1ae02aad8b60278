package org.forklab.experiments.share;

import java.util.List;

/**
 * What the native probe saw ({@code forklab-probe share}).
 *
 * @param pid                 the probe's process id
 * @param tids                each pthread's kernel thread id
 * @param stackLocals         the address of a local in each pthread (one stack each)
 * @param globalAddress       the address of the C global
 * @param globalAfterThread   the global in the main thread after a pthread wrote 42
 * @param heapValueInMain     a malloc'd counter each pthread incremented once, read by main
 * @param descriptorBytes     bytes one pthread wrote through a descriptor another opened (-1 on failure)
 * @param handlerSeenByMain   a handler one pthread installed is the process's handler
 * @param childPid            the forked child's process id
 * @param forkAddressChild    the global's address in the child
 * @param forkAddressParent   and in the parent: the same virtual address
 * @param forkValueChild      the child's value after it wrote (2)
 * @param forkValueParent     the parent's value at that address afterwards (1)
 * @param childDescriptorInParent whether the child's new descriptor appeared in the parent
 * @param childHandlerInParent    whether the child's new handler appeared in the parent
 */
public record NativeShareView(long pid, List<Long> tids, List<String> stackLocals, String globalAddress,
                              long globalAfterThread, long heapValueInMain, long descriptorBytes,
                              boolean handlerSeenByMain, long childPid, String forkAddressChild,
                              String forkAddressParent, long forkValueChild, long forkValueParent,
                              boolean childDescriptorInParent, boolean childHandlerInParent) {
    public NativeShareView {
        tids = List.copyOf(tids);
        stackLocals = List.copyOf(stackLocals);
    }
}
