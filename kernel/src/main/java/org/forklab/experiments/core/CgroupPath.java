package org.forklab.experiments.core;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The cgroup directories that limit this process: its own cgroup's and every one above it, up
 * to the top of the hierarchy it can see. A limit binds every cgroup below the one it is set on,
 * so the one that counts is the smallest on that path: a kernel started in a nested cgroup (as
 * systemd, a CI runner or a sandbox make) reads "max" at its own level while a parent allows
 * 30000, and the top-level file of the hierarchy says nothing about either.
 *
 * <p>Where the directories are comes from /proc/self/cgroup (the process's cgroup in each
 * hierarchy: {@code 8:pids:/guard-1486} on cgroup v1, {@code 0::/user.slice/x.scope} on v2)
 * and /proc/self/mountinfo (where each hierarchy is mounted, and which of its cgroups the mount
 * shows as its top: a container without its own cgroup namespace sees its own cgroup as the top).
 */
final class CgroupPath {
    private final List<String> cgroupLines;
    private final List<String> mountLines;

    CgroupPath(List<String> cgroupLines, List<String> mountLines) {
        this.cgroupLines = List.copyOf(cgroupLines);
        this.mountLines = List.copyOf(mountLines);
    }

    static CgroupPath ofThisProcess() {
        return new CgroupPath(SystemFiles.lines("/proc/self/cgroup"), SystemFiles.lines("/proc/self/mountinfo"));
    }

    /** A level's limit together with what is in use there (empty when that level does not say). */
    record Level(Path dir, long max, OptionalLong current) {
        long headroom() {
            return max - current.orElse(0);
        }
    }

    /**
     * The levels with a limit in {@code file}, own cgroup first: {@code v1Controller}'s hierarchy
     * on cgroup v1 (pids, memory) and the unified hierarchy on v2; on a hybrid machine a
     * controller is in one of the two, and the other has no such file.
     */
    List<Level> limits(String v1Controller, String v1File, String v2File, String currentFile) {
        List<Level> found = new ArrayList<>();
        for (Path dir : directories(v1Controller)) {
            add(found, dir, v1File, currentFile);
        }
        for (Path dir : directories(null)) {
            add(found, dir, v2File, currentFile);
        }
        return found;
    }

    /** The smallest limit in {@code file} on this process's path, if any level sets one. */
    OptionalLong smallest(String v1Controller, String v1File, String v2File) {
        return limits(v1Controller, v1File, v2File, null).stream().mapToLong(Level::max).min();
    }

    private static void add(List<Level> found, Path dir, String file, String currentFile) {
        OptionalLong max = SystemFiles.readLimit(dir.resolve(file).toString());
        if (max.isPresent()) {
            OptionalLong current = currentFile == null ? OptionalLong.empty()
                    : SystemFiles.readLimit(dir.resolve(currentFile).toString());
            found.add(new Level(dir, max.getAsLong(), current));
        }
    }

    /** Own cgroup's directory first, then each parent up to the mount point; {@code null}: v2. */
    List<Path> directories(String v1Controller) {
        Optional<String> cgroup = cgroupOf(v1Controller);
        Optional<String[]> mount = mountOf(v1Controller);
        if (cgroup.isEmpty() || mount.isEmpty()) {
            return List.of();
        }
        String root = mount.get()[0];
        Path top = Path.of(mount.get()[1]);
        String own = cgroup.get();
        // A cgroup outside what the mount shows (".." in a cgroup namespace) leaves the top alone.
        String below = own.startsWith(root) && !own.contains("/..") ? own.substring(root.length()) : "";
        Path dir = top;
        for (String part : below.split("/")) {
            if (!part.isEmpty()) {
                dir = dir.resolve(part);
            }
        }
        List<Path> levels = new ArrayList<>();
        for (; dir != null && dir.startsWith(top); dir = dir.getParent()) {
            levels.add(dir);
        }
        return levels;
    }

    /** The cgroup path in the hierarchy of {@code v1Controller}, or in the unified one for {@code null}. */
    private Optional<String> cgroupOf(String v1Controller) {
        for (String line : cgroupLines) {
            String[] f = line.split(":", 3);
            if (f.length < 3) {
                continue;
            }
            boolean match = v1Controller == null ? f[0].equals("0") && f[1].isEmpty()
                    : List.of(f[1].split(",")).contains(v1Controller);
            if (match) {
                return Optional.of(f[2]);
            }
        }
        return Optional.empty();
    }

    /** {mount root, mount point} of the hierarchy, from a mountinfo line "id parent dev root point opts - type src superopts". */
    private Optional<String[]> mountOf(String v1Controller) {
        for (String line : mountLines) {
            int dash = line.indexOf(" - ");
            if (dash < 0) {
                continue;
            }
            String[] before = line.substring(0, dash).split(" ");
            String[] after = line.substring(dash + 3).split(" ");
            if (before.length < 5 || after.length < 3) {
                continue;
            }
            boolean match = v1Controller == null ? after[0].equals("cgroup2")
                    : after[0].equals("cgroup") && List.of(after[2].split(",")).contains(v1Controller);
            if (match) {
                return Optional.of(new String[] {unescape(before[3]), unescape(before[4])});
            }
        }
        return Optional.empty();
    }

    /** mountinfo writes a space in a path as \040 (and tab, newline, backslash likewise). */
    private static String unescape(String field) {
        return field.replace("\\040", " ").replace("\\011", "\t").replace("\\012", "\n").replace("\\134", "\\");
    }
}
