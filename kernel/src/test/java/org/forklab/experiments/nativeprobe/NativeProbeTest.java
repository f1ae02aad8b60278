package org.forklab.experiments.nativeprobe;

import org.forklab.stats.Unit;
import com.google.gson.JsonObject;
import org.forklab.experiments.core.ChildResult;
import org.forklab.experiments.core.Cpus;
import org.forklab.experiments.core.Environment;
import org.forklab.experiments.core.ProcessTree;
import org.forklab.experiments.core.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class NativeProbeTest {

    @TempDir
    Path temp;

    /** A class loader whose resource folder "probe/" holds only what the test puts there. */
    private ProbeSource sourceIn(Path resources) throws Exception {
        ClassLoader loader = new URLClassLoader(new URL[]{resources.toUri().toURL()}, null);
        return new ProbeSource(loader, "probe/", List.of("cc", "gcc", "clang"), temp.resolve("cache"));
    }

    /** Copies the bundled C sources (and their index) into resources/probe/src. */
    private Path withBundledSources() throws Exception {
        Path src = Files.createDirectories(temp.resolve("res/probe/src"));
        ClassLoader own = NativeProbe.class.getClassLoader();
        String index;
        try (InputStream in = own.getResourceAsStream("org/forklab/native/src/sources.txt")) {
            assertNotNull(in, "build.sh must bundle src/sources.txt even without a compiler");
            index = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Files.writeString(src.resolve("sources.txt"), index);
        for (String name : index.lines().toList()) {
            try (InputStream in = own.getResourceAsStream("org/forklab/native/src/" + name)) {
                Files.write(src.resolve(name), in.readAllBytes());
            }
        }
        return temp.resolve("res");
    }

    @Test
    void noBinaryAndNoSourcesSaysSoInOneLine() throws Exception {
        NativeProbe probe = NativeProbe.from(sourceIn(Files.createDirectories(temp.resolve("empty"))));
        assertEquals("the native probe is not in this build of forklab (it was built without a C compiler) "
                + "and its C sources are missing", probe.availability().orElseThrow());
        ProbeUnavailableException e = assertThrows(ProbeUnavailableException.class,
                () -> probe.run(List.of("version"), Duration.ofSeconds(5)));
        assertEquals(probe.availability().orElseThrow(), e.getMessage());
    }

    @Test
    void sourcesWithoutACompilerSaySoInOneLine() throws Exception {
        NativeProbe probe = NativeProbe.from(sourceIn(withBundledSources())
                .withCompilers(List.of("forklab-no-such-cc", "/nonexistent/gcc")));
        assertEquals("the native probe was not built (no C compiler when forklab was built) and no C compiler "
                + "(forklab-no-such-cc, /nonexistent/gcc) is on the PATH to build it now", probe.availability().orElseThrow());
    }

    @Test
    void sourcesWithACompilerAreBuiltIntoTheCache() throws Exception {
        ProbeSource source = sourceIn(withBundledSources());
        assumeTrue(source.findCompiler().isPresent(), "no C compiler on this machine");
        NativeProbe probe = NativeProbe.from(source);
        assertEquals(java.util.Optional.empty(), probe.availability());
        Path exe = probe.executable();
        assertTrue(exe.startsWith(temp.resolve("cache")), exe.toString());
        assertTrue(exe.getParent().getFileName().toString().startsWith("probe-src-"), exe.toString());
        ProbeRun run = probe.run(List.of("version"), Duration.ofSeconds(10)).requireSuccess();
        assertEquals(NativeProbe.PROTOCOL_VERSION, run.first("version").orElseThrow().get("version").getAsInt());
    }

    @Test
    void theBundledBinaryIsExtractedUnderItsHashAndRuns() throws Exception {
        NativeProbe probe = NativeProbe.from(ProbeSource.bundled().withCacheRoot(temp.resolve("cache")));
        assumeTrue(probe.availability().isEmpty(), () -> probe.availability().orElse(""));
        Path exe = probe.executable();
        assertTrue(Files.isExecutable(exe));
        byte[] bytes = Files.readAllBytes(exe);
        assertEquals("probe-" + NativeProbe.sha256Prefix(bytes), exe.getParent().getFileName().toString());
        JsonObject version = probe.run(List.of("version"), Duration.ofSeconds(10)).requireSuccess()
                .first("version").orElseThrow();
        assertTrue(version.getAsJsonArray("commands").toString().contains("\"spawn\""), version.toString());
    }

    @Test
    void refusedArgumentsComeBackAsTheProbesOwnLine() throws Exception {
        NativeProbe probe = NativeProbe.bundled();
        assumeTrue(probe.availability().isEmpty(), () -> probe.availability().orElse(""));
        ProbeRun run = probe.run(List.of("spawn", "ops=fork", "samples=0"), Duration.ofSeconds(10));
        assertFalse(run.succeeded());
        assertEquals("samples = 0 is out of range: accepted 1 to " + org.forklab.experiments.core.SamplingPlan.MAX_SAMPLES,
                assertThrows(ProbeFailedException.class, run::requireSuccess).getMessage());
        assertEquals("unknown option 'sample' for this command", assertThrows(ProbeFailedException.class,
                () -> probe.run(List.of("spawn", "sample=3"), Duration.ofSeconds(10)).requireSuccess()).getMessage());
        assertEquals("unknown command 'nope'; accepted: " + commandList(probe),
                assertThrows(ProbeFailedException.class,
                        () -> probe.run(List.of("nope"), Duration.ofSeconds(10)).requireSuccess()).getMessage());
        assertEquals(List.of(), ProcessTree.zombieChildren());
    }

    @Test
    void pingpongRefusesImpossiblePlacementsAndPrintsOneRunLinePerRun() throws Exception {
        NativeProbe probe = NativeProbe.bundled();
        assumeTrue(probe.availability().isEmpty(), () -> probe.availability().orElse(""));
        assertEquals("cpus = 'a,b' is not one CPU number or two separated by a comma, e.g. 0,1",
                assertThrows(ProbeFailedException.class, () -> probe.run(List.of("pingpong", "cpus=a,b"),
                        Duration.ofSeconds(10)).requireSuccess()).getMessage());
        String split = assertThrows(ProbeFailedException.class, () -> probe.run(List.of("pingpong", "placement=split",
                "cpus=0,0"), Duration.ofSeconds(10)).requireSuccess()).getMessage();
        assertTrue(split.startsWith("placement split needs two different CPUs; this process may use "), split);
        assertEquals("mode 'pipes' is not known: accepted thread-pipe, process-pipe, thread-futex",
                assertThrows(ProbeFailedException.class, () -> probe.run(List.of("pingpong", "mode=pipes"),
                        Duration.ofSeconds(10)).requireSuccess()).getMessage());
        ProbeRun run = probe.run(List.of("pingpong", "mode=process-pipe", "placement=same", "runs=3",
                "samples=4", "warmup=5"), Duration.ofSeconds(30)).requireSuccess();
        // per run: the round trips and the same traffic in one task, and the kernel's switch counts
        assertEquals(6, run.ofType("samples").size());
        assertEquals(3, run.ofType("samples").stream().filter(o -> o.get("name").getAsString().equals("one task")).count());
        assertEquals(3, run.ofType("switches").size());
        List<JsonObject> runs = run.ofType("run");
        assertEquals(List.of(0, 1, 2), runs.stream().map(o -> o.get("run").getAsInt()).toList());
        for (JsonObject o : runs) {
            assertTrue(o.get("pinned").getAsBoolean());
            int cpu = o.get("cpu_a").getAsInt();
            assertEquals(cpu, o.get("cpu_b").getAsInt());
            assertEquals(cpu, o.get("initiator_cpu_seen").getAsInt());
            assertEquals(cpu, o.get("partner_cpu_seen").getAsInt(), "the child reports where it ran");
        }
        assertEquals(List.of(), ProcessTree.descendants());
        assertEquals(List.of(), ProcessTree.zombieChildren());
    }

    @Test
    void spawnPinnedToACpuMeasuresThereAndRefusesACpuNotAllowed() throws Exception {
        NativeProbe probe = NativeProbe.bundled();
        assumeTrue(probe.availability().isEmpty(), () -> probe.availability().orElse(""));
        List<Integer> allowed = Cpus.parseList(Environment.current().cpuAffinity());
        // The last allowed CPU, not the first that one-cpu placement picks: the pin must follow the key.
        int cpu = allowed.get(allowed.size() - 1);
        ProbeRun run = probe.run(List.of("spawn", "ops=pthread,fork", "samples=5", "warmup=5", "cpu=" + cpu),
                Duration.ofSeconds(30)).requireSuccess();
        List<JsonObject> lines = run.ofType("samples");
        assertEquals(List.of("pthread", "fork"), lines.stream().map(o -> o.get("op").getAsString()).toList());
        for (JsonObject line : lines) {
            assertTrue(line.get("pinned").getAsBoolean(), line.toString());
            assertEquals(cpu, line.get("cpu").getAsInt(), line.toString());
        }
        JsonObject unpinned = probe.run(List.of("spawn", "ops=pthread", "samples=2", "warmup=0"), Duration.ofSeconds(30))
                .requireSuccess().first("samples").orElseThrow();
        assertFalse(unpinned.get("pinned").getAsBoolean());
        assertTrue(allowed.contains(unpinned.get("cpu").getAsInt()), unpinned.toString());

        int outside = allowed.get(allowed.size() - 1) + 1;
        String refusal = assertThrows(ProbeFailedException.class, () -> probe.run(List.of("spawn", "ops=pthread",
                "cpu=" + outside), Duration.ofSeconds(10)).requireSuccess()).getMessage();
        assertEquals("cpu = " + outside + " is not a CPU this process may use: allowed " + Environment.current().cpuAffinity(),
                refusal);
        assertEquals("cpus = " + outside + " is not a CPU this process may use: allowed " + Environment.current().cpuAffinity(),
                assertThrows(ProbeFailedException.class, () -> probe.run(List.of("pingpong", "placement=same",
                        "cpus=" + outside), Duration.ofSeconds(10)).requireSuccess()).getMessage(), "the same check for ping-pong");
        assertEquals("cpu = -1 is out of range: accepted 0 to 1023", assertThrows(ProbeFailedException.class,
                () -> probe.run(List.of("spawn", "cpu=-1"), Duration.ofSeconds(10)).requireSuccess()).getMessage());
        assertEquals(List.of(), ProcessTree.descendants());
        assertEquals(List.of(), ProcessTree.zombieChildren());
    }

    /** The probe's own command list, so that adding a command (race, fault, share, ...) keeps this test true. */
    private static String commandList(NativeProbe probe) throws Exception {
        List<String> names = new java.util.ArrayList<>();
        probe.run(List.of("version"), Duration.ofSeconds(10)).first("version").orElseThrow()
                .getAsJsonArray("commands").forEach(e -> names.add(e.getAsString()));
        assertTrue(names.containsAll(List.of("spawn", "version")), names.toString());
        return String.join(", ", names);
    }

    @Test
    void samplesLinesBecomeSamples() throws Exception {
        NativeProbe probe = NativeProbe.bundled();
        assumeTrue(probe.availability().isEmpty(), () -> probe.availability().orElse(""));
        ProbeRun run = probe.run(List.of("spawn", "ops=fork,pthread", "samples=4", "cold=2", "warmup=1"),
                Duration.ofSeconds(30)).requireSuccess();
        List<Samples> samples = run.samples();
        assertEquals(List.of("fork", "pthread"), samples.stream().map(Samples::label).toList());
        for (Samples s : samples) {
            assertEquals(4, s.size());
            assertEquals(2, s.cold().length);
            assertEquals(Unit.NANOSECONDS, s.unit());
            assertTrue(s.opsPerSample() >= 1);
            for (double v : s.values()) {
                assertTrue(v > 0, s.toString());
            }
        }
        assertEquals(List.of(), ProcessTree.descendants());
        assertEquals(List.of(), ProcessTree.zombieChildren());
    }

    @Test
    void aLineThatIsNotJsonIsAProbeBug() {
        ChildResult ok = new ChildResult(List.of("forklab-probe"), 0, false,
                "{\"type\":\"version\",\"version\":1}\nhello\n", "", 1);
        ProbeFailedException e = assertThrows(ProbeFailedException.class, () -> ProbeRun.parse(ok));
        assertEquals("the native probe printed a line that is not a JSON object: hello", e.getMessage());
        // A probe killed at its limit may leave half a line: that is kept out, not an error.
        ChildResult cut = new ChildResult(List.of("forklab-probe"), 137, true,
                "{\"type\":\"samples\",\"name\":\"a\",\"unit\":\"ns\",\"ops_per_sample\":1,\"values\":[1.0]}\n{\"type\":\"sam\n", "", 1);
        ProbeRun run = ProbeRun.parse(cut);
        assertEquals(1, run.lines().size());
        assertEquals(1, run.samples().get(0).size());
        assertEquals(0, run.samples().get(0).cold().length);
    }
}
