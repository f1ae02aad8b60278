package org.forklab.magics.c;

import com.google.gson.JsonObject;
import java.util.Optional;

/**
 * How the native probe's {@code contain} command held a %%c program, read from its report.
 *
 * @param end         "exit" (main returned or died), "tasks" or "memory" (a cap was reached),
 *                    "time" (the time limit), "stopped" (interrupt) or "parent" (the kernel died)
 * @param tasksCap    how the task cap was enforced: "cgroup-v2", "cgroup-v1" or "watchdog"
 * @param memoryCap   how the memory cap was enforced: "cgroup-v2", "cgroup-v1" or "rlimit+watchdog"
 * @param caps        the caps in force
 * @param peakTasks   the most processes and threads the watchdog saw at once
 * @param peakMemory  the most resident memory (bytes) it saw the tree use at once
 * @param peakAddressSpace the largest address space (bytes) it saw one process of the tree have
 * @param leftovers   processes still running when the run ended, all killed then
 * @param execError   why the program did not start, if it did not
 */
public record Containment(String end, String tasksCap, String memoryCap, CCaps caps, long peakTasks, long peakMemory,
                          long peakAddressSpace, long leftovers, Optional<String> execError) {

    static Containment parse(JsonObject o) {
        String end = o.get("end").getAsString();
        return new Containment(end, o.get("tasks_cap").getAsString(), o.get("memory_cap").getAsString(),
                new CCaps(o.get("max_tasks").getAsLong(), o.get("max_memory").getAsLong()),
                o.get("peak_tasks").getAsLong(), o.get("peak_memory").getAsLong(), o.get("peak_vm").getAsLong(), o.get("leftovers").getAsLong(),
                o.has("exec_error") ? Optional.of(o.get("exec_error").getAsString()) : Optional.empty());
    }

    /**
     * Whether a process of the program was seen with an address space of at least three quarters
     * of the cap (RLIMIT_AS): the watchdog looks every few milliseconds, so the last allocation
     * before a failure is often not seen.
     */
    public boolean nearMemoryCap() {
        return peakAddressSpace >= caps.maxMemoryBytes() * 3 / 4;
    }
}
