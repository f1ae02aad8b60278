package org.forklab.experiments.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.*;

/** The walk from a process's own cgroup up to the root, on fake /sys/fs/cgroup trees. */
class CgroupPathTest {
    @TempDir
    Path fs;

    private void write(String relative, String text) throws IOException {
        Path file = fs.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text + "\n");
    }

    private String mount(String root, String point, String type, String superOptions) {
        return "39 31 0:36 " + root + " " + fs.resolve(point) + " rw,relatime - " + type + " " + type + " " + superOptions;
    }

    @Test
    void cgroupV1TakesTheSmallestPidsMaxAndMemoryLimitOnThePathToTheRoot() throws IOException {
        write("pids/pids.max", "max");
        write("pids/guard-1486/pids.max", "30000");
        write("pids/guard-1486/pids.current", "12");
        write("pids/guard-1486/job/pids.max", "max");
        write("pids/guard-1486/job/pids.current", "3");
        write("memory/memory.limit_in_bytes", "9223372036854771712");
        write("memory/process_api/memory.limit_in_bytes", "2147483648");
        write("memory/process_api/59ba/memory.limit_in_bytes", "9223372036854771712");
        CgroupPath path = new CgroupPath(
                List.of("9:name=systemd:/", "8:pids:/guard-1486/job", "4:memory:/process_api/59ba", "0::/"),
                List.of(mount("/", "tmpfs", "tmpfs", "rw"),
                        mount("/", "pids", "cgroup", "rw,pids"),
                        mount("/", "memory", "cgroup", "rw,memory"),
                        mount("/", "unified", "cgroup2", "rw")));

        assertEquals(List.of(fs.resolve("pids/guard-1486/job"), fs.resolve("pids/guard-1486"), fs.resolve("pids")),
                path.directories("pids"));
        assertEquals(OptionalLong.of(30000), path.smallest("pids", "pids.max", "pids.max"));
        assertEquals(OptionalLong.of(2147483648L), path.smallest("memory", "memory.limit_in_bytes", "memory.max"));

        Limits limits = Limits.read(path);
        assertEquals(OptionalLong.of(30000), limits.cgroupPidsMax());
        assertEquals(OptionalLong.of(12), limits.cgroupPidsCurrent(), "what runs under the level that set the limit");
        assertEquals(OptionalLong.of(2147483648L), limits.cgroupMemoryMax());
        assertTrue(limits.taskHeadroom() <= 30000 - 12);
    }

    @Test
    void cgroupV2WalksTheUnifiedHierarchyAndTheLevelWithFewestTasksLeftBinds() throws IOException {
        write("cgroup/pids.max", "max");
        write("cgroup/user.slice/pids.max", "1000");
        write("cgroup/user.slice/pids.current", "990");
        write("cgroup/user.slice/kernel.scope/pids.max", "500");
        write("cgroup/user.slice/kernel.scope/pids.current", "40");
        write("cgroup/user.slice/memory.max", "max");
        write("cgroup/user.slice/kernel.scope/memory.max", "1073741824");
        CgroupPath path = new CgroupPath(List.of("0::/user.slice/kernel.scope"),
                List.of(mount("/", "cgroup", "cgroup2", "rw,nsdelegate")));

        assertEquals(List.of(fs.resolve("cgroup/user.slice/kernel.scope"), fs.resolve("cgroup/user.slice"),
                fs.resolve("cgroup")), path.directories(null));
        assertEquals(List.of(), path.directories("pids"), "no v1 hierarchy here");
        assertEquals(OptionalLong.of(500), path.smallest("pids", "pids.max", "pids.max"));
        Limits limits = Limits.read(path);
        // 500 - 40 leaves 460, but the parent has only 10 left: its limit is the one that binds.
        assertEquals(OptionalLong.of(1000), limits.cgroupPidsMax());
        assertEquals(OptionalLong.of(990), limits.cgroupPidsCurrent());
        assertTrue(limits.taskHeadroom() <= 10);
        assertEquals(OptionalLong.of(1073741824L), limits.cgroupMemoryMax());
    }

    @Test
    void aMountThatShowsItsOwnCgroupAsTheTopIsWalkedFromThereOnly() throws IOException {
        // A container without its own cgroup namespace: /proc/self/cgroup names /docker/abc,
        // and the mount's root is that cgroup, so the directory is the mount point itself.
        write("pids/pids.max", "64");
        CgroupPath path = new CgroupPath(List.of("8:pids:/docker/abc"),
                List.of(mount("/docker/abc", "pids", "cgroup", "rw,pids")));
        assertEquals(List.of(fs.resolve("pids")), path.directories("pids"));
        assertEquals(OptionalLong.of(64), path.smallest("pids", "pids.max", "pids.max"));
    }

    @Test
    void noCgroupInformationMeansNoLimit() {
        CgroupPath path = new CgroupPath(List.of(), List.of());
        assertEquals(List.of(), path.directories("pids"));
        assertEquals(OptionalLong.empty(), path.smallest("memory", "memory.limit_in_bytes", "memory.max"));
        assertEquals(OptionalLong.empty(), Limits.read(path).cgroupPidsMax());
    }
}
