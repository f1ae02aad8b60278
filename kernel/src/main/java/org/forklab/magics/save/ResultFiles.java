package org.forklab.magics.save;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.forklab.experiments.core.Environment;
import org.forklab.experiments.core.Limits;
import org.forklab.experiments.core.Measured;
import org.forklab.experiments.core.Samples;
import org.forklab.experiments.core.SamplesJson;
import org.forklab.spi.UsageError;
import org.forklab.stats.Summary;
import org.forklab.stats.Unit;
import org.forklab.stats.format.Units;

/**
 * {@code --save PATH}: PATH.csv with every raw sample (condition,unit,index,value,cold) for a
 * spreadsheet or pandas, and PATH.json with settings, the machine, a summary per condition and
 * the samples again, so {@code %compare} needs the JSON file alone. JSON goes through Gson's tree
 * (basekernel's Gson 2.8 predates records, so fields are named here one by one).
 */
public final class ResultFiles {
    public static final int FORMAT = 1;

    private ResultFiles() {
    }

    /** PATH without a .json or .csv ending; both files are written next to each other. */
    public static Path base(String path) {
        try {
            String p = path.endsWith(".json") || path.endsWith(".csv") ? path.substring(0, path.lastIndexOf('.')) : path;
            if (p.isBlank() || p.endsWith("/")) {
                throw new UsageError("--save " + path + " names no file; give a file name such as results/laptop"
                        + " or a folder ending in / such as class-results/");
            }
            return Path.of(p);
        } catch (InvalidPathException e) {
            throw new UsageError("--save " + path + " is not a usable file name: " + e.getReason());
        }
    }

    /**
     * Where {@code --save PATH} writes: PATH itself, or, for a folder (PATH ends in / or is one),
     * a new name in it that says what, who and when, so a class can share one folder without
     * overwriting each other's runs.
     */
    static Path target(String path, Measured result) {
        boolean folder;
        try {
            folder = !path.isBlank() && (path.endsWith("/") || Files.isDirectory(Path.of(path)));
        } catch (InvalidPathException e) {
            throw new UsageError("--save " + path + " is not a usable file name: " + e.getReason());
        }
        if (!folder) {
            return base(path);
        }
        Path dir = Path.of(path);
        String stem = result.experiment() + "-" + fileWord(Saver.current().user()) + "-"
                + STAMP.format(Instant.now().atZone(ZoneOffset.UTC));
        Path candidate = dir.resolve(stem);
        for (int i = 2; Files.exists(sibling(candidate, ".json")); i++) {
            candidate = dir.resolve(stem + "-" + i);
        }
        return candidate;
    }

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS", Locale.ROOT);

    /** A user name as a safe part of a file name. */
    private static String fileWord(String s) {
        String word = s.replaceAll("[^A-Za-z0-9._-]", "_");
        return word.isEmpty() ? "someone" : word;
    }

    /** Writes PATH.csv and PATH.json; returns the JSON file. Unwritable places give one UsageError line. */
    public static Path save(String path, String source, Measured result) {
        Path base = target(path, result);
        Path csv = sibling(base, ".csv");
        Path json = sibling(base, ".json");
        try {
            Path parent = base.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            writeCsv(csv, result.samples());
            Files.writeString(json, new GsonBuilder().setPrettyPrinting().create().toJson(toJson(source, result)),
                    StandardCharsets.UTF_8);
            return json;
        } catch (IOException | SecurityException e) {
            throw new UsageError("cannot write " + base + ".csv/.json: " + reason(e)
                    + "; choose a folder you can write to, e.g. --save results/run1");
        }
    }

    public static SavedResult load(String file) {
        Path path;
        try {
            path = Path.of(file);
        } catch (InvalidPathException e) {
            throw new UsageError(file + " is not a file name: " + e.getReason());
        }
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UsageError("cannot read " + file + ": " + reason(e) + "; give a .json file written by --save");
        }
        try {
            JsonObject root = parse(text);
            if (!root.has("forklab") || root.get("forklab").getAsInt() != FORMAT) {
                throw new UsageError(file + " was not written by forklab's --save (format " + FORMAT + ")");
            }
            String name = path.getFileName().toString().replaceFirst("\\.json$", "");
            List<Samples> samples = new ArrayList<>();
            for (JsonElement e : root.getAsJsonArray("samples")) {
                samples.add(SamplesJson.read(e.getAsJsonObject()));
            }
            return new SavedResult(name, root.get("experiment").getAsString(), root.get("source").getAsString(),
                    strings(root.getAsJsonObject("settings")), strings(root.getAsJsonObject("environment")), samples);
        } catch (Unit.UnknownUnitException e) {
            throw new UsageError(file + ": " + e.getMessage() + "; give a .json file written by --save");
        } catch (JsonParseException | IllegalStateException | NullPointerException | ClassCastException
                 | UnsupportedOperationException | IllegalArgumentException e) {
            throw new UsageError(file + " is not a forklab result file (" + e.getClass().getSimpleName()
                    + "); give a .json file written by --save");
        }
    }

    @SuppressWarnings("deprecation") // JsonParser.parseString arrived after basekernel's Gson 2.8.5
    private static JsonObject parse(String text) {
        return new JsonParser().parse(text).getAsJsonObject();
    }

    static JsonObject toJson(String source, Measured result) {
        JsonObject root = new JsonObject();
        root.addProperty("forklab", FORMAT);
        root.addProperty("experiment", result.experiment());
        root.addProperty("source", source);
        JsonObject settings = new JsonObject();
        result.settings().byLabel().forEach(settings::addProperty);
        root.add("settings", settings);
        JsonObject environment = environment(result.environment());
        // Who saved it from where, for %compare FOLDER: a class's runs are grouped by machine,
        // and "this machine's run" is the newest one by this user on this host.
        Saver saver = Saver.current();
        environment.addProperty("user", saver.user());
        environment.addProperty("host", saver.host());
        environment.addProperty("savedAt", Instant.now().toString());
        root.add("environment", environment);
        JsonArray summaries = new JsonArray();
        JsonArray samples = new JsonArray();
        for (Samples s : result.samples()) {
            if (s.size() > 0) {
                summaries.add(summary(s));
            }
            samples.add(SamplesJson.write(s));
        }
        root.add("summary", summaries);
        root.add("samples", samples);
        return root;
    }

    private static JsonObject summary(Samples s) {
        Summary sum = Summary.of(s.values());
        JsonObject o = new JsonObject();
        o.addProperty("condition", s.label());
        o.addProperty("unit", s.unit().word());
        o.addProperty("n", sum.n());
        o.addProperty("median", sum.median());
        o.addProperty("p10", sum.p10());
        o.addProperty("p90", sum.p90());
        o.addProperty("mean", sum.mean());
        o.addProperty("sd", sum.sd());
        o.addProperty("medianCiLow", sum.medianInterval().low());
        o.addProperty("medianCiHigh", sum.medianInterval().high());
        o.addProperty("confidence", sum.medianInterval().confidence());
        o.addProperty("outliers", sum.outliers().total());
        o.addProperty("cold", s.cold().length);
        return o;
    }

    private static JsonObject environment(Environment env) {
        JsonObject o = new JsonObject();
        o.addProperty("cpuModel", env.cpuModel());
        o.addProperty("cpus", env.cpus());
        o.addProperty("cpuAffinity", env.cpuAffinity());
        o.addProperty("kernelRelease", env.kernelRelease());
        o.addProperty("jdk", env.jdk());
        o.addProperty("launchMechanism", env.launchMechanism());
        o.addProperty("pageSize", env.pageSize());
        o.addProperty("transparentHugePages", env.transparentHugePages());
        o.addProperty("virtualThreads", env.virtualThreads());
        Limits l = env.limits();
        o.addProperty("threadsMax", l.threadsMax());
        o.addProperty("pidMax", l.pidMax());
        l.cgroupPidsMax().ifPresent(v -> o.addProperty("cgroupPidsMax", v));
        l.cgroupMemoryMax().ifPresent(v -> o.addProperty("cgroupMemoryMax", v));
        o.addProperty("physicalMemory", l.physicalMemory());
        return o;
    }

    private static void writeCsv(Path csv, List<Samples> samples) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            w.write("condition,unit,index,value,cold\n");
            for (Samples s : samples) {
                String label = csvField(s.label());
                String unit = csvField(s.unit().word());
                double[] values = s.values();
                for (int i = 0; i < values.length; i++) {
                    w.write(label + "," + unit + "," + i + "," + Units.exact(values[i]) + ",false\n");
                }
                double[] cold = s.cold();
                for (int i = 0; i < cold.length; i++) {
                    w.write(label + "," + unit + "," + i + "," + Units.exact(cold[i]) + ",true\n");
                }
            }
        }
    }

    /** RFC 4180: quote a field holding a comma, quote or line break, doubling inner quotes. */
    static String csvField(String s) {
        return s.matches("[^,\"\r\n]*") ? s : "\"" + s.replace("\"", "\"\"") + "\"";
    }


    private static Map<String, String> strings(JsonObject o) {
        Map<String, String> out = new LinkedHashMap<>();
        o.entrySet().forEach(e -> out.put(e.getKey(), e.getValue().isJsonPrimitive() ? e.getValue().getAsString() : e.getValue().toString()));
        return out;
    }

    private static Path sibling(Path base, String extension) {
        return base.resolveSibling(base.getFileName() + extension);
    }

    private static String reason(Exception e) {
        String kind = e.getClass().getSimpleName().replace("Exception", "");
        String message = e.getMessage() == null ? "" : e.getMessage();
        return switch (kind) {
            case "AccessDenied" -> "permission denied (" + message + ")";
            case "NoSuchFile" -> "no such folder (" + message + ")";
            case "FileSystem", "ReadOnlyFileSystem" -> "read-only or unusable file system (" + message + ")";
            case "NotDirectory" -> "a part of the path is a file, not a folder (" + message + ")";
            default -> (kind.isEmpty() ? "error" : kind) + (message.isEmpty() ? "" : " (" + message + ")");
        };
    }
}
