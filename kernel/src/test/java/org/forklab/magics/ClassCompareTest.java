package org.forklab.magics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.forklab.experiments.core.Environment;
import org.forklab.magics.io.Session;
import org.forklab.magics.parse.MagicDefinition;
import org.forklab.magics.save.ClassResults;
import org.forklab.magics.save.ResultFiles;
import org.forklab.magics.save.Saver;
import org.forklab.spi.UsageError;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A class's results in one folder: --save DIR/ names each run, %compare DIR groups them by
 * machine and JDK. The fixtures are runs saved here and then rewritten as if measured on two
 * other machines (a laptop and a hub), their samples scaled by known factors.
 */
class ClassCompareTest {
    private final RecordingScreen screen = new RecordingScreen();

    @BeforeEach
    void freshSession() {
        Session.current().clear();
    }

    private static MagicDefinition magic(String name) {
        return MagicCatalog.find(name, false).orElseThrow();
    }

    @Test
    void saveIntoAFolderNamesEachRunByExperimentUserAndTime(@TempDir Path dir) {
        String folder = dir.resolve("class") + "/";
        Path first = ResultFiles.save(folder, "%spawn", TestResults.cost());
        Path second = ResultFiles.save(folder, "%spawn", TestResults.cost());
        assertEquals(dir.resolve("class"), first.getParent());
        String user = Saver.current().user().replaceAll("[^A-Za-z0-9._-]", "_");
        Pattern name = Pattern.compile("cost-" + Pattern.quote(user) + "-\\d{8}-\\d{6}-\\d{3}(-\\d+)?\\.json");
        assertTrue(name.matcher(first.getFileName().toString()).matches(), first.toString());
        assertTrue(name.matcher(second.getFileName().toString()).matches(), second.toString());
        assertTrue(!first.equals(second) && Files.exists(second.resolveSibling(second.getFileName().toString().replace(".json", ".csv"))));
        assertEquals(Saver.current().host(), ResultFiles.load(first.toString()).environment().get("host"));
        // An existing folder without the trailing slash is a folder too.
        assertEquals(dir.resolve("class"), ResultFiles.save(dir.resolve("class").toString(), "%spawn", TestResults.cost()).getParent());
    }

    @Test
    void compareAFolderGroupsTheClassByMachineAndJdkWithThisMachineBeside(@TempDir Path dir) throws Exception {
        Path folder = dir.resolve("class-results");
        for (String student : List.of("ada", "bob", "cy")) {
            saveAs(folder.resolve(student), "Laptop CPU", 8, "21.0.5+11", student, "laptop-" + student, 1.0);
        }
        saveAs(folder.resolve("dee"), "Hub CPU", 2, "17.0.15+6", "dee", "jupyter-dee", 3.0);
        saveAs(folder.resolve("eve"), "Hub CPU", 2, "17.0.16+8", "eve", "jupyter-eve", 3.0);
        Files.writeString(folder.resolve("notes.json"), "{\"not\": \"ours\"}");

        MagicCall.line(magic("compare"), List.of(folder.toString(), "--mine", folder.resolve("eve").resolve(only(folder.resolve("eve"))).toString(),
                "--as", "everyone"), screen.bench());
        DisplayData shown = screen.finalDisplay();
        String text = (String) shown.getData(MIMEType.TEXT_PLAIN);
        assertTrue(text.contains("The class's results in " + folder + ": 5 runs from 2 machine/JDK groups"), text);
        assertTrue(row(text, "fork+_exit+waitpid", "Laptop CPU, 8 CPUs · JDK 21", "3"), text);
        // 17.0.15 and 17.0.16 are one JDK: the group is the major version.
        assertTrue(row(text, "fork+_exit+waitpid", "Hub CPU, 2 CPUs · JDK 17", "2"), text);
        assertTrue(text.contains("fork+_exit+waitpid: the groups' middle medians run from 500 µs (Laptop CPU, 8 CPUs · JDK 21)"
                + " to 1.50 ms (Hub CPU, 2 CPUs · JDK 17), 3.0× apart; this machine measured 1.50 ms,"
                + " above 1 of 2 groups' middle medians."), text);
        assertTrue(text.contains("this machine (eve/"), text);
        assertTrue(text.contains("Skipped 1 .json file(s) --save did not write: notes.json"), text);
        assertTrue(shown.hasDataForType(MIMEType.IMAGE_PNG));
        assertEquals(5, ((List<?>) screen.boundValues.get(0)).size());
    }

    @Test
    void thisMachinesRunIsTheNewestSavedByThisUserOnThisHost(@TempDir Path dir) {
        Path folder = dir.resolve("class");
        saveAs(folder, "Laptop CPU", 8, "21.0.5", "ada", "laptop-ada", 1.0);
        Saver me = Saver.current();
        Path own = ResultFiles.save(folder + "/", "%spawn", TestResults.cost());
        ClassResults all = ClassResults.load(folder);
        assertEquals(own.getFileName().toString().replace(".json", ""),
                all.mine(me, Environment.current()).orElseThrow().name());
        assertTrue(all.mine(new Saver("nobody", "nowhere"), otherMachine()).isEmpty());
    }

    @Test
    void anEmptyOrForeignFolderIsOneLine(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("x.json"), "{}");
        UsageError e = assertThrows(UsageError.class, () -> MagicCall.line(magic("compare"), List.of(dir.toString()), screen.bench()));
        assertEquals("%compare: no forklab results in " + dir + " (1 other .json files); save some first, e.g. %spawn -v fork --save "
                + dir + "/", e.getMessage());
        assertTrue(!e.getMessage().contains("\n"));
        UsageError mine = assertThrows(UsageError.class, () -> MagicCall.line(magic("compare"),
                List.of(dir.resolve("x.json").toString(), "--mine", "a.json"), screen.bench()));
        assertTrue(mine.getMessage().startsWith("%compare: --mine goes with one FOLDER of saved results"), mine.getMessage());
    }

    private static Environment otherMachine() {
        Environment here = Environment.current();
        return new Environment("Elsewhere CPU", here.cpus() + 64, here.cpuAffinity(), here.kernelRelease(), "11.0.1",
                here.launchMechanism(), here.pageSize(), here.transparentHugePages(), false, here.limits());
    }

    private static boolean row(String text, String condition, String group, String runs) {
        return Pattern.compile("(?m)^" + Pattern.quote(condition) + "\\s+" + Pattern.quote(group) + "\\s+" + runs + "\\s").matcher(text).find();
    }

    private static String only(Path folder) throws Exception {
        try (var files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).findFirst().orElseThrow();
        }
    }

    /** A run saved here, then rewritten as if it came from another machine, its samples times factor. */
    private static void saveAs(Path folder, String cpu, int cpus, String jdk, String user, String host, double factor) {
        Path json = ResultFiles.save(folder + "/", "%spawn", TestResults.cost());
        try {
            @SuppressWarnings("deprecation") // basekernel's Gson 2.8.5 has no JsonParser.parseString
            JsonObject root = new JsonParser().parse(Files.readString(json, StandardCharsets.UTF_8)).getAsJsonObject();
            JsonObject env = root.getAsJsonObject("environment");
            env.addProperty("cpuModel", cpu);
            env.addProperty("cpus", cpus);
            env.addProperty("jdk", jdk);
            env.addProperty("user", user);
            env.addProperty("host", host);
            for (JsonElement s : root.getAsJsonArray("samples")) {
                JsonArray scaled = new JsonArray();
                s.getAsJsonObject().getAsJsonArray("values").forEach(v -> scaled.add(v.getAsDouble() * factor));
                s.getAsJsonObject().add("values", scaled);
            }
            Files.writeString(json, root.toString(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
