package org.forklab.magics.c;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.forklab.experiments.core.ChildResult;
import org.forklab.experiments.core.ChildSpec;
import org.forklab.experiments.core.Children;
import org.forklab.experiments.nativeprobe.NativeProbe;
import org.forklab.experiments.nativeprobe.ProbeUnavailableException;
import com.google.gson.Gson;
import com.google.gson.JsonObject;

/**
 * Compiles one C source with the system compiler and runs it as a child process: argv words
 * only (never a shell), a time limit, output streamed line by line, and the temporary folder
 * removed. The program runs below the native probe's {@code contain}, which holds it to its
 * {@link CCaps} and ends every process it started when main ends, the time is up or the cell is
 * interrupted.
 */
public final class CProgram {
    /** The cell's file name as the compiler reports it; its line numbers are the cell's. */
    public static final String SOURCE_NAME = "cell.c";
    private static final Duration COMPILE_LIMIT = Duration.ofSeconds(60);
    private static final Duration BACKSTOP = Duration.ofSeconds(3);
    private static final Duration STOP_GRACE = Duration.ofSeconds(2);
    private static final int MAX_DIAGNOSTIC_LINES = 200;
    private static final Pattern ERROR_AT = Pattern.compile("^" + Pattern.quote(SOURCE_NAME) + ":(\\d+):(\\d+): (fatal )?error:");
    // Pipes make C's stdout fully buffered, so nothing would appear until exit; this keeps it
    // line-buffered as on a terminal, and the output streams while the program runs.
    private static final String LINE_BUFFER_SOURCE = "#include <stdio.h>\n"
            + "__attribute__((constructor)) static void forklab_line_buffered(void) { setvbuf(stdout, NULL, _IOLBF, 0); }\n";

    /**
     * How to build: -O level, C standard, -D definitions (NAME or NAME=VALUE), -l libraries,
     * and whether stdout stays line-buffered.
     */
    public record Build(int optimisation, String standard, List<String> defines, List<String> libraries,
                        boolean lineBuffered) {
        public Build {
            defines = List.copyOf(defines);
            libraries = List.copyOf(libraries);
        }

        public static Build defaults() {
            return new Build(2, "gnu17", List.of(), List.of(), true);
        }
    }

    private CProgram() {
    }

    public static CRun compileAndRun(String source, Build build, List<String> args, Duration limit,
                                     Consumer<String> out, Consumer<String> err)
            throws CompileError, IOException, InterruptedException {
        return compileAndRun(source, build, args, limit, CCaps.defaults(), out, err);
    }

    /** Compiles and runs the program under {@code caps}, through the probe's {@code contain}. */
    public static CRun compileAndRun(String source, Build build, List<String> args, Duration limit, CCaps caps,
                                     Consumer<String> out, Consumer<String> err)
            throws CompileError, IOException, InterruptedException {
        Path compiler = CCompiler.find().orElseThrow(() -> new IOException(CCompiler.missingLine()));
        Path dir = Files.createTempDirectory("forklab-c");
        try {
            Files.writeString(dir.resolve(SOURCE_NAME), source, StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("forklab_stdio.c"), LINE_BUFFER_SOURCE, StandardCharsets.UTF_8);
            Path program = dir.resolve("cell");
            String warnings = compile(compiler, dir, program, build);
            Path report = dir.resolve("contain.json");
            List<String> command = new ArrayList<>(List.of(containExecutable().toString(), "contain",
                    "max-tasks=" + caps.maxTasks(), "max-memory=" + caps.maxMemoryBytes(),
                    "limit-ms=" + Math.max(1, limit.toMillis()), "report=" + report,
                    "parent=" + ProcessHandle.current().pid(), "--", program.toString()));
            command.addAll(args);
            // contain keeps the time limit itself; ours is the backstop should contain hang.
            ChildResult r = Children.run(new ChildSpec(command, Map.of(), limit.plus(BACKSTOP), out, err), STOP_GRACE);
            Containment held = readReport(report, r);
            boolean timedOut = r.timedOut() || held.end().equals("time");
            return new CRun(List.copyOf(args), r.exitCode(), r.signal().map(Object::toString), timedOut,
                    r.elapsedNanos() / 1e9, r.stdout(), warnings, held);
        } finally {
            deleteTree(dir);
        }
    }

    private static Path containExecutable() {
        try {
            return NativeProbe.bundled().executable();
        } catch (ProbeUnavailableException e) {
            // Uncapped is not an option: a fork bomb would take the machine down with it.
            throw new ProbeUnavailableException("C cells run under the native probe's caps, and " + e.getMessage());
        }
    }

    private static Containment readReport(Path report, ChildResult r) throws IOException {
        if (!Files.isRegularFile(report)) {
            throw new IOException("the program's supervisor (forklab-probe contain) left no report; "
                    + r.describeFailure().replace('\n', ' '));
        }
        return Containment.parse(new Gson().fromJson(Files.readString(report), JsonObject.class));
    }

    /** Returns the compiler's warnings; throws with its whole report when it fails. */
    static String compile(Path compiler, Path dir, Path program, Build build)
            throws CompileError, IOException, InterruptedException {
        List<String> command = flags(compiler, build);
        command.add("-o");
        command.add(program.toString());
        command.add(dir.resolve(SOURCE_NAME).toString());
        if (build.lineBuffered()) {
            command.add(dir.resolve("forklab_stdio.c").toString());
        }
        for (String library : build.libraries()) {
            command.add("-l" + library);
        }
        command.add("-lm");
        return runCompiler(command, dir);
    }

    /** cc -S with the run's flags: the compiler's own assembly of the cell, without unwind tables. */
    static String compileToAssembly(Path compiler, Path dir, Path listing, Build build)
            throws CompileError, IOException, InterruptedException {
        List<String> command = flags(compiler, build);
        command.addAll(List.of("-S", "-fno-asynchronous-unwind-tables", "-o", listing.toString(),
                dir.resolve(SOURCE_NAME).toString()));
        return runCompiler(command, dir);
    }

    private static List<String> flags(Path compiler, Build build) {
        List<String> command = new ArrayList<>(List.of(compiler.toString(), "-std=" + build.standard(),
                "-O" + build.optimisation(), "-pthread", "-Wall", "-fdiagnostics-color=never"));
        for (String define : build.defines()) {
            command.add("-D" + define);
        }
        return command;
    }

    private static String runCompiler(List<String> command, Path dir)
            throws CompileError, IOException, InterruptedException {
        List<String> report = new ArrayList<>();
        Consumer<String> collect = line -> {
            synchronized (report) {
                if (report.size() < MAX_DIAGNOSTIC_LINES) {
                    report.add(line.replace(dir + "/", ""));
                }
            }
        };
        // LC_ALL=C: plain ASCII quotes and English messages, the same on every machine.
        ChildResult r = Children.run(new ChildSpec(command, Map.of("LC_ALL", "C"), COMPILE_LIMIT, collect, collect));
        String text;
        synchronized (report) {
            text = String.join("\n", report);
        }
        if (r.succeeded()) {
            return text;
        }
        if (r.timedOut()) {
            throw new CompileError("the compiler ran past " + COMPILE_LIMIT.toSeconds() + " s and was stopped", 1, 0);
        }
        return failWith(text);
    }

    private static String failWith(String text) throws CompileError {
        int errors = 0;
        int firstLine = 0;
        for (String line : text.split("\n")) {
            Matcher m = ERROR_AT.matcher(line);
            if (m.find()) {
                errors++;
                if (firstLine == 0) {
                    firstLine = Integer.parseInt(m.group(1));
                }
            } else if (line.contains("error:") && !line.startsWith("collect2")) {
                errors++;
            }
        }
        throw new CompileError(text, Math.max(1, errors), firstLine);
    }

    static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary folder is harmless; the run's result matters more
        }
    }
}
