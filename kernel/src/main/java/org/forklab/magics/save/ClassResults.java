package org.forklab.magics.save;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.forklab.experiments.core.Environment;
import org.forklab.spi.UsageError;

/**
 * A class's results: every file --save wrote into one folder (and the folders under it, e.g.
 * one per student), grouped by machine and JDK, with this machine's own newest run picked out.
 *
 * @param folder  where they were read from
 * @param results the forklab result files found, oldest first
 * @param skipped JSON files in the folder that --save did not write
 */
public record ClassResults(Path folder, List<SavedResult> results, List<String> skipped) {
    /** Folders under FOLDER that are searched too: FOLDER/student/run.json is as deep as a class goes. */
    private static final int DEPTH = 3;

    public ClassResults {
        results = List.copyOf(results);
        skipped = List.copyOf(skipped);
    }

    public static ClassResults load(Path folder) {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder, DEPTH)) {
            files = walk.filter(p -> p.getFileName().toString().endsWith(".json") && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException | SecurityException e) {
            throw new UsageError("cannot read the folder " + folder + ": " + e.getMessage()
                    + "; give a folder that --save DIR/ wrote into");
        }
        List<SavedResult> results = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Path file : files) {
            try {
                SavedResult r = ResultFiles.load(file.toString());
                // Named by its place in the folder: two students' runs may share a file name.
                String name = folder.relativize(file).toString().replaceFirst("\\.json$", "");
                results.add(new SavedResult(name, r.experiment(), r.source(), r.settings(), r.environment(), r.samples()));
            } catch (UsageError e) {
                skipped.add(folder.relativize(file).toString());
            }
        }
        if (results.isEmpty()) {
            throw new UsageError("no forklab results in " + folder + (skipped.isEmpty() ? "" : " (" + skipped.size()
                    + " other .json files)") + "; save some first, e.g. %spawn -v fork --save " + folder + "/");
        }
        results.sort(Comparator.comparing(ClassResults::savedAt));
        return new ClassResults(folder, results, skipped);
    }

    /** "Intel Xeon …, 2 CPUs · JDK 17": the machine and the JDK's major version a run came from. */
    public static String group(SavedResult r) {
        Map<String, String> env = r.environment();
        return env.getOrDefault("cpuModel", "?") + ", " + env.getOrDefault("cpus", "?") + " CPUs · JDK "
                + jdkMajor(env.getOrDefault("jdk", "?"));
    }

    /** The runs per machine/JDK group, in order of the group's first run. */
    public Map<String, List<SavedResult>> groups() {
        Map<String, List<SavedResult>> groups = new LinkedHashMap<>();
        results.forEach(r -> groups.computeIfAbsent(group(r), k -> new ArrayList<>()).add(r));
        return groups;
    }

    /**
     * This machine's run: the newest saved by this user on this host; else the newest from a
     * machine and JDK like this one; else none (the class's spread is shown alone).
     */
    public Optional<SavedResult> mine(Saver me, Environment here) {
        Optional<SavedResult> own = newest(r -> me.user().equals(r.environment().get("user"))
                && me.host().equals(r.environment().get("host")));
        if (own.isPresent()) {
            return own;
        }
        String like = here.cpuModel() + ", " + here.cpus() + " CPUs · JDK " + jdkMajor(here.jdk());
        return newest(r -> group(r).equals(like));
    }

    /** The run read from FILE, if FILE is one of the folder's; named as in the folder. */
    public Optional<SavedResult> find(String file) {
        try {
            Path path = Path.of(file).toAbsolutePath().normalize();
            Path root = folder.toAbsolutePath().normalize();
            if (!path.startsWith(root)) {
                return Optional.empty();
            }
            String name = root.relativize(path).toString().replaceFirst("\\.json$", "");
            return results.stream().filter(r -> r.name().equals(name)).findFirst();
        } catch (java.nio.file.InvalidPathException e) {
            return Optional.empty();
        }
    }

    private Optional<SavedResult> newest(java.util.function.Predicate<SavedResult> which) {
        return results.stream().filter(which).reduce((a, b) -> b);
    }

    static String jdkMajor(String jdk) {
        String digits = jdk.replaceFirst("^(\\d+).*$", "$1");
        return digits.matches("\\d+") ? digits : jdk;
    }

    private static String savedAt(SavedResult r) {
        return r.environment().getOrDefault("savedAt", "");
    }
}
