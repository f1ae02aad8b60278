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

/**
 * Compiles one C source with the system compiler and runs it as a child process: argv words
 * only (never a shell), a time limit, output streamed line by line, the tree killed and reaped
 * on time-out or interrupt, and the temporary folder removed.
 */
public final class CProgram {
    /** The cell's file name as the compiler reports it; its line numbers are the cell's. */
    public static final String SOURCE_NAME = "cell.c";
    private static final Duration COMPILE_LIMIT = Duration.ofSeconds(60);
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
        Path compiler = CCompiler.find().orElseThrow(() -> new IOException(CCompiler.missingLine()));
        Path dir = Files.createTempDirectory("forklab-c");
        try {
            Files.writeString(dir.resolve(SOURCE_NAME), source, StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("forklab_stdio.c"), LINE_BUFFER_SOURCE, StandardCharsets.UTF_8);
            Path program = dir.resolve("cell");
            String warnings = compile(compiler, dir, program, build);
            List<String> command = new ArrayList<>();
            command.add(program.toString());
            command.addAll(args);
            ChildResult r = Children.run(new ChildSpec(command, Map.of(), limit, out, err));
            return new CRun(List.copyOf(args), r.exitCode(), r.signal().map(Object::toString), r.timedOut(),
                    r.elapsedNanos() / 1e9, r.stdout(), warnings);
        } finally {
            deleteTree(dir);
        }
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
