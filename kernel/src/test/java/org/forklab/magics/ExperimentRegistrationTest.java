package org.forklab.magics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.forklab.experiments.core.ProgressListener;
import org.forklab.magics.parse.CellMagic;
import org.forklab.magics.parse.LineMagic;
import org.forklab.magics.parse.MagicDefinition;
import org.forklab.spi.UsageError;
import org.junit.jupiter.api.Test;

/**
 * One registration per experiment: every magic class is in {@link MagicCatalog}; every experiment
 * that announces its phases has its result type registered with a view, a reading and example arguments the
 * magic takes; and the Python tests' small runs are the catalog's examples, not a second list.
 */
class ExperimentRegistrationTest {
    private static final Path CLASSES = Path.of("target/classes/org/forklab");
    private static final Path SMALL_RUNS = Path.of("..", "tests", "python", "small_runs.json");

    @Test
    void everyExperimentRegistrationHasResultTypeViewReadingAndExamplesTheMagicTakes() {
        assertFalse(MagicCatalog.experiments().isEmpty());
        for (ExperimentRegistration<?, ?> e : MagicCatalog.experiments()) {
            assertNotNull(e.resultType(), e.name());
            assertNotNull(e.view(), e.name());
            assertNotNull(e.reading(), e.name());
            assertFalse(e.exampleArgs().isEmpty(), e.name());
            MagicCall.check(e.magic(), e.exampleArgs()); // a usage error here fails the test with its line
            assertTrue(MagicCatalog.all().contains(e.magic()), e.name());
        }
    }

    @Test
    void aRegistrationWithoutAnyPartIsRefused() {
        ExperimentRegistration.Measurement<RaceMagic, Object> none = (m, p) -> null;
        assertThrows(NullPointerException.class, () -> Registrations.builder()
                .experiment(RaceMagic::new, null, r -> null, r -> null, none, "-t 1"));
        assertThrows(NullPointerException.class, () -> Registrations.builder()
                .experiment(RaceMagic::new, Object.class, null, r -> null, none, "-t 1"));
        assertThrows(NullPointerException.class, () -> Registrations.builder()
                .experiment(RaceMagic::new, Object.class, r -> null, null, none, "-t 1"));
        IllegalStateException noExample = assertThrows(IllegalStateException.class, () -> Registrations.builder()
                .experiment(RaceMagic::new, Object.class, r -> null, r -> null, none, " "));
        assertEquals("%race needs small example arguments", noExample.getMessage());
    }

    @Test
    void everyMagicClassIsRegistered() throws IOException {
        Set<String> registered = new TreeSet<>();
        MagicCatalog.all().forEach(d -> registered.add(d.factory().get().getClass().getName()));
        Set<String> found = new TreeSet<>();
        for (Class<?> c : classesUnder("magics")) {
            if ((LineMagic.class.isAssignableFrom(c) || CellMagic.class.isAssignableFrom(c))
                    && !c.isInterface() && !Modifier.isAbstract(c.getModifiers())) {
                found.add(c.getName());
            }
        }
        assertEquals(found, registered, "every magic class has its one entry in MagicCatalog");
    }

    @Test
    void everyExperimentThatAnnouncesPhasesIsRegisteredByItsResultType() throws IOException {
        Set<String> registered = new TreeSet<>();
        MagicCatalog.experiments().forEach(e -> registered.add(e.resultType().getName()));
        Set<String> measured = new TreeSet<>();
        for (Class<?> c : classesUnder("experiments")) {
            for (Method m : c.getDeclaredMethods()) {
                if (m.getName().equals("run") && Modifier.isStatic(m.getModifiers()) && Modifier.isPublic(m.getModifiers())
                        && m.getParameterCount() == 2 && m.getParameterTypes()[1] == ProgressListener.class) {
                    measured.add(m.getReturnType().getName());
                }
            }
        }
        assertFalse(measured.isEmpty());
        assertEquals(measured, registered, "each experiment's result type is registered once with its magic, view and example");
    }

    @Test
    void labRunsAnyRegisteredExperimentAndNamesTheKnownOnes() {
        UsageError e = assertThrows(UsageError.class, () -> Lab.run("nosuch"));
        assertTrue(e.getMessage().startsWith("Lab.run: no experiment magic named nosuch; known: spawn, pingpong"), e.getMessage());
    }

    /** tests/python/small_runs.json, what the Python tests run: written from the catalog, checked here. */
    @Test
    void pythonSmallRunsAreTheCatalogsExamples() throws IOException {
        Map<String, String> runs = new TreeMap<>();
        MagicCatalog.experiments().forEach(e -> runs.put(e.name(), e.example()));
        String generated = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(runs) + "\n";
        if (Boolean.getBoolean("forklab.writeDocs")) {
            Files.writeString(SMALL_RUNS, generated, StandardCharsets.UTF_8);
        }
        assertEquals(generated, Files.readString(SMALL_RUNS, StandardCharsets.UTF_8), SMALL_RUNS + " drifted from"
                + " MagicCatalog; run mvn -f kernel/pom.xml test -Dtest=ExperimentRegistrationTest -Dforklab.writeDocs=true"
                + " and commit it");
    }

    /** The compiled classes under org.forklab.PKG, loaded without initialising them. */
    private static List<Class<?>> classesUnder(String pkg) throws IOException {
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(CLASSES.resolve(pkg))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = "org.forklab." + CLASSES.relativize(p).toString().replace('/', '.').replaceAll("\\.class$", "");
                try {
                    classes.add(Class.forName(name, false, ExperimentRegistrationTest.class.getClassLoader()));
                } catch (ClassNotFoundException | LinkageError e) {
                    throw new IllegalStateException(name, e);
                }
            }
        }
        return classes;
    }

    static List<MagicDefinition> magics() {
        return MagicCatalog.all();
    }
}
