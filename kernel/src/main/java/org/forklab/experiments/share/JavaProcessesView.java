package org.forklab.experiments.share;

import java.util.List;

/**
 * W child JVMs.
 *
 * @param parentPid                 this JVM's process id
 * @param processes                 what each child saw of itself
 * @param parentHeapValue           the parent's heap object, written before the children started
 * @param parentGlobal              the parent's global after all children wrote theirs
 * @param parentDescriptorsBefore   the parent's descriptors on the children's files before they ran
 * @param parentDescriptorsAfter    and after (children's descriptors never appear here)
 * @param parentCaughtSignals       SigCgt of the parent, to set beside each child's own
 * @param parentUid                 the parent's credentials
 */
public record JavaProcessesView(long parentPid, List<ProcessObservation> processes, String parentHeapValue,
                                long parentGlobal, int parentDescriptorsBefore, int parentDescriptorsAfter,
                                String parentCaughtSignals, String parentUid) {
    public JavaProcessesView {
        processes = List.copyOf(processes);
    }
}
