package org.forklab.magics;

import org.forklab.spi.MagicCommandLine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.forklab.magics.io.Bench;
import org.forklab.magics.c.CAssembly;
import org.forklab.magics.c.CCapOptions;
import org.forklab.magics.c.CCompiler;
import org.forklab.magics.c.CEndings;
import org.forklab.magics.c.CProgram;
import org.forklab.magics.c.CRun;
import org.forklab.magics.c.CompileError;
import org.forklab.magics.parse.CellMagic;
import org.forklab.magics.parse.HelpOption;
import org.forklab.magics.parse.JavaName;
import org.forklab.magics.parse.Range;
import org.forklab.magics.parse.Seconds;
import org.forklab.spi.UsageError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** %%c: compile the cell with the system C compiler and run it, its output streamed to the cell. */
@Command(name = "c", description = "Compile the cell as C (-pthread) and run it with a time limit; words after -- are its arguments.",
        showDefaultValues = true, sortOptions = false)
public final class CMagic implements CellMagic {
    private static final Pattern DEFINE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}(=[^\\s]{0,200})?");
    private static final Pattern LIBRARY = Pattern.compile("[A-Za-z0-9_+.-]{1,64}");

    /** The C dialects accepted by {@code --std}. */
    public enum Standard { c99, c11, c17, gnu99, gnu11, gnu17 }

    @Mixin
    HelpOption help;

    @Option(names = {"-O", "--opt"}, paramLabel = "LEVEL", description = "Optimisation level, as cc -O0 to -O3.")
    @Range(min = 0, max = 3)
    int optimisation = 2;

    @Option(names = "-D", paramLabel = "NAME[=VALUE]", description = "Define a macro, as cc -D; may be repeated.", showDefaultValue = Visibility.NEVER)
    List<String> defines = new ArrayList<>();

    @Option(names = "-l", paramLabel = "LIB", description = "Link a library, as cc -l (libm is always linked); may be repeated.",
            showDefaultValue = Visibility.NEVER)
    List<String> libraries = new ArrayList<>();

    @Option(names = "--std", paramLabel = "STD", description = "C dialect: ${COMPLETION-CANDIDATES}.")
    Standard standard = Standard.gnu17;

    @Option(names = "--timeout", paramLabel = "TIME", converter = Seconds.class, defaultValue = "10s",
            description = "Stop the program after this long, e.g. 500ms, 10s, 1m.")
    @Range(min = 0.1, max = 600)
    Duration timeout;

    @Mixin
    CCapOptions caps;

    @Option(names = "--full-buffering", description = "Keep C's full buffering of stdout into a pipe (output then appears at exit).")
    boolean fullBuffering;

    @Option(names = "--asm", paramLabel = "FN", split = ",", showDefaultValue = Visibility.NEVER,
            description = "Before running, show the assembly the compiler makes (cc -S) of these functions.")
    List<String> assembly = new ArrayList<>();

    @Option(names = "--as", paramLabel = "NAME", converter = JavaName.class,
            description = "Bind the run (exit code, signal, output) to this variable for later Java cells.")
    String as;

    @Parameters(paramLabel = "ARG", arity = "0..*", description = "Arguments for the program, after --.",
            showDefaultValue = Visibility.NEVER)
    List<String> arguments = new ArrayList<>();

    @Override
    public void run(Bench bench, String body) throws Exception {
        if (CCompiler.find().isEmpty()) {
            throw new UsageError("%%c: " + CCompiler.missingLine());
        }
        if (body == null || body.isBlank()) {
            throw new UsageError("%%c: the cell is empty; write a C program with a main function below the %%c line");
        }
        for (String define : defines) {
            if (!DEFINE.matcher(define).matches()) {
                throw new UsageError("%%c: -D " + MagicCommandLine.clip(define)
                        + " is not a macro definition; write NAME or NAME=VALUE, e.g. -D N=1000000");
            }
        }
        for (String library : libraries) {
            if (!LIBRARY.matcher(library).matches()) {
                throw new UsageError("%%c: -l " + MagicCommandLine.clip(library)
                        + " is not a library name; write e.g. -l rt for librt");
            }
        }
        CProgram.Build build = new CProgram.Build(optimisation, standard.name(), defines, libraries, !fullBuffering);
        CRun run;
        try {
            if (!assembly.isEmpty()) {
                CAssembly.show(body, build, assembly, bench.out()::println);
            }
            run = CProgram.compileAndRun(body, build, arguments, timeout, caps.caps(), bench.out()::println,
                    bench.err()::println);
        } catch (CompileError e) {
            bench.err().println(e.diagnostics());
            bench.err().flush();
            String where = e.firstLine() > 0 ? ", the first at line " + e.firstLine() : "";
            throw new UsageError("%%c: the cell did not compile: " + e.errors() + (e.errors() == 1 ? " error" : " errors")
                    + where + " (the compiler's report is above)");
        }
        if (!run.warnings().isBlank()) {
            bench.err().println(run.warnings());
        }
        ending(run).ifPresent(bench.err()::println);
        bench.out().flush();
        bench.err().flush();
        bench.bind(as, run);
        bench.session().record("%%c", run);
    }

    /** One line when the program did not end normally: a cap, time-out, signal or non-zero status. */
    static Optional<String> ending(CRun run) {
        String time = String.format(Locale.ROOT, "%.2f s", run.seconds());
        Optional<String> capped = CEndings.capLine(run);
        if (capped.isPresent()) {
            return capped;
        }
        if (run.timedOut()) {
            return Optional.of("%%c: the program ran past its time limit and was stopped after " + time);
        }
        if (run.signal().isPresent()) {
            return Optional.of("%%c: the program was killed by " + run.signal().get() + " after " + time);
        }
        if (run.exitCode() != 0) {
            return Optional.of("%%c: the program exited with status " + run.exitCode() + " after " + time
                    + CEndings.leftovers(run));
        }
        String left = CEndings.leftovers(run);
        return left.isEmpty() ? Optional.empty() : Optional.of("%%c: the program ended" + left);
    }
}
