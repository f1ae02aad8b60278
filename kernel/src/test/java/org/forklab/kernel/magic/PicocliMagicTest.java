package org.forklab.kernel.magic;

import org.forklab.spi.UsageError;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class PicocliMagicTest {
    private final List<List<Path>> added = new ArrayList<>();
    private final MagicHost host = new MagicHost() {
        @Override
        public void addToClasspath(List<Path> entries) {
            added.add(entries);
        }

        @Override
        public Object runCell(String cell) {
            return "ran: " + cell;
        }

        @Override
        public MagicRegistry registry() {
            return new MagicRegistry();
        }
    };

    private static String captureOut(ThrowingRunnable body) throws Exception {
        return capture(System.out, System::setOut, body);
    }

    /** What the body wrote to System.err (picocli reports format trouble there). */
    private static String captureErr(ThrowingRunnable body) throws Exception {
        return capture(System.err, System::setErr, body);
    }

    private static String capture(PrintStream old, java.util.function.Consumer<PrintStream> set, ThrowingRunnable body)
            throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        set.accept(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            body.run();
        } finally {
            set.accept(old);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Test
    void helpIsGeneratedFromTheDeclarationsWordForWord() throws Exception {
        String help = captureOut(() -> new PicocliMagic.Reused(() -> new JarsMagic(host)).run(List.of("--help")));
        assertEquals(String.join("\n",
                "Usage: %jars [-hV] GLOB...",
                "Add the jar files matching each glob to the classpath of the cells.",
                "      GLOB...     A jar file or a glob such as libs/**.jar.",
                "  -h, --help      Show this help message and exit.",
                "  -V, --version   Print version information and exit.",
                "Kernel extensions found in the jars are loaded at once.",
                ""), help);
        assertTrue(added.isEmpty());
    }

    @Test
    void unknownOptionIsOneLineWithTheWayToHelp() {
        UsageError e = assertThrows(UsageError.class,
                () -> new PicocliMagic.Reused(() -> new MavenMagic(host, new MavenResolver())).run(List.of("--repositry", "x", "g:a:1")));
        assertEquals(List.of(e.getMessage()), e.lines());
        assertTrue(e.getMessage().startsWith("%maven: unknown option '--repositry'"), e.getMessage());
        assertTrue(e.getMessage().endsWith("(see %maven --help)"), e.getMessage());
    }

    @Test
    void aMistypedOptionGetsTheSameDidYouMeanAsTheForklabMagics() {
        UsageError e = assertThrows(UsageError.class,
                () -> new PicocliMagic.Reused(() -> new MavenMagic(host, new MavenResolver())).run(List.of("--repositry", "x", "g:a:1")));
        assertTrue(e.getMessage().contains("; did you mean --repository? (see %maven --help)"), e.getMessage());
    }

    @Test
    void missingParameterIsOneLine() {
        UsageError e = assertThrows(UsageError.class, () -> new PicocliMagic.Reused(() -> new LoadMagic(host)).run(List.of()));
        assertEquals("%load: Missing required parameter: 'FILE' (see %load --help)", e.getMessage());
    }

    @Test
    void lsmagicHelpShowsItsFooterAsWrittenWithoutWarnings() throws Exception {
        String[] help = new String[1];
        String err = captureErr(() -> help[0] = captureOut(
                () -> new PicocliMagic.Reused(() -> new LsMagic(new MagicRegistry())).run(List.of("--help"))));
        // A bare '%m' in the footer once made picocli warn on stderr at every --help and at warm-up.
        assertEquals("", err);
        assertEquals(String.join(System.lineSeparator(),
                "Usage: %lsmagic [-hV]",
                "List every magic with what it does.",
                "  -h, --help      Show this help message and exit.",
                "  -V, --version   Print version information and exit.",
                "Each magic explains its arguments with --help, e.g. %maven --help.",
                ""), help[0]);
    }

    @Test
    void warmUpBuildsEveryBuiltinMagicSilentlyAndCallsNone() throws Exception {
        MagicRegistry registry = new MagicRegistry();
        String[] out = new String[1];
        List<PicocliMagic.Reused> magics = BuiltinMagics.registerAll(registry, host);
        assertEquals(5, magics.size());
        String err = captureErr(() -> out[0] = captureOut(() -> BuiltinMagics.warmUp(magics, 2)));
        assertEquals("", out[0]);
        assertEquals("", err);
        assertTrue(added.isEmpty(), "a magic was called during warm-up: " + added);
    }

    @picocli.CommandLine.Command(name = "%probe", mixinStandardHelpOptions = true)
    static final class Recorder implements java.util.concurrent.Callable<Object> {
        static final List<String> SEEN = new ArrayList<>();
        @picocli.CommandLine.Option(names = "--repository")
        List<String> repositories = new ArrayList<>();
        @picocli.CommandLine.Option(names = "--offline")
        boolean offline;
        @picocli.CommandLine.Parameters
        List<String> coordinates;

        @Override
        public Object call() {
            SEEN.add(repositories + " " + offline + " " + coordinates);
            return null;
        }
    }

    @Test
    void aReusedMagicSeesOnlyTheArgumentsOfEachCall() throws Exception {
        PicocliMagic.Reused magic = new PicocliMagic.Reused(Recorder::new);
        Recorder.SEEN.clear();
        magic.run(List.of("--repository", "r1", "--repository", "r2", "--offline", "a", "b"));
        magic.run(List.of("c"));
        assertThrows(UsageError.class, () -> magic.run(List.of("--no-such-option")));
        magic.run(List.of("--repository", "r3"));
        magic.run(List.of());
        assertEquals(List.of("[r1, r2] true [a, b]", "[] false [c]", "[r3] false null", "[] false null"), Recorder.SEEN);
    }

    @Test
    void jarsAddsMatchingJarsOnly(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        java.nio.file.Files.createFile(dir.resolve("a.jar"));
        java.nio.file.Files.createFile(dir.resolve("b.jar"));
        java.nio.file.Files.createFile(dir.resolve("notes.txt"));
        new PicocliMagic.Reused(() -> new JarsMagic(host)).run(List.of(dir + "/*"));
        assertEquals(List.of(dir.resolve("a.jar"), dir.resolve("b.jar")),
                added.get(0).stream().sorted().collect(java.util.stream.Collectors.toList()));
    }

    @Test
    void missingFilesAreOneClearLine() {
        UsageError jars = assertThrows(UsageError.class,
                () -> new PicocliMagic.Reused(() -> new JarsMagic(host)).run(List.of("/no/such/dir/*.jar")));
        assertTrue(jars.getMessage().startsWith("%jars: no jar file matches '/no/such/dir/*.jar'"), jars.getMessage());
        UsageError load = assertThrows(UsageError.class,
                () -> new PicocliMagic.Reused(() -> new LoadMagic(host)).run(List.of("/no/such/file.jshell")));
        assertTrue(load.getMessage().startsWith("%load: no such file '/no/such/file.jshell'"), load.getMessage());
    }

    @Test
    void loadRunsTheFileThroughTheHost(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path file = dir.resolve("setup.jshell");
        java.nio.file.Files.writeString(file, "int x = 1;");
        assertEquals("ran: int x = 1;", new PicocliMagic.Reused(() -> new LoadMagic(host)).run(List.of(file.toString())));
    }

    @Test
    void badCoordinateIsOneLine() {
        UsageError e = assertThrows(UsageError.class, () -> MavenResolver.parse("just-a-name"));
        assertEquals("%maven: 'just-a-name' is not a Maven coordinate; expected "
                + "groupId:artifactId[:extension[:classifier]]:version, e.g. org.apache.commons:commons-lang3:3.14.0",
                e.getMessage());
    }

    @Test
    void mavenResolvesTransitivelyFromTheLocalRepository() throws Exception {
        // basekernel is in ~/.m2 (the build needs it), with gson and jeromq as its dependencies.
        List<Path> jars = new MavenResolver().resolve(List.of("io.github.spencerpark:jupyter-jvm-basekernel:2.3.0"), List.of());
        List<String> names = jars.stream().map(p -> p.getFileName().toString()).collect(java.util.stream.Collectors.toList());
        assertTrue(names.contains("jupyter-jvm-basekernel-2.3.0.jar"), names.toString());
        assertTrue(names.stream().anyMatch(n -> n.startsWith("gson-")), names.toString());
        assertTrue(names.stream().anyMatch(n -> n.startsWith("jeromq-")), names.toString());
    }
}
