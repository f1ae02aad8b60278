package org.forklab.magics.c;

import org.forklab.spi.MagicCommandLine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.forklab.spi.UsageError;

/**
 * The compiler's own assembly (cc -S, same flags as the run) of chosen functions of a cell, so a
 * lesson can show what the optimiser made of a loop instead of describing it.
 */
public final class CAssembly {
    private static final Pattern C_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");
    private static final Pattern FUNCTION_TYPE = Pattern.compile("\\.type\\s+([A-Za-z_.$][\\w.$]*),\\s*@function");

    private CAssembly() {
    }

    /**
     * Prints each named function's assembly under a line naming it and the level; a name the
     * listing lacks is refused in one line that names the functions it has.
     */
    public static void show(String source, CProgram.Build build, List<String> names, Consumer<String> out)
            throws CompileError, IOException, InterruptedException {
        for (String name : names) {
            if (!C_NAME.matcher(name).matches()) {
                throw new UsageError("%%c: --asm " + MagicCommandLine.clip(name)
                        + " is not a C function name; write e.g. --asm main or --asm racer,main");
            }
        }
        Map<String, List<String>> functions = of(source, build);
        for (String name : names) {
            if (!functions.containsKey(name)) {
                throw new UsageError("%%c: --asm " + name + ": no function of that name in the compiler's output at -O"
                        + build.optimisation() + " (functions there: " + String.join(", ", functions.keySet())
                        + "); a static function may have been inlined: mark it __attribute__((noinline))");
            }
        }
        for (String name : names) {
            out.accept("assembly of " + name + ", as the compiler wrote it (cc -S -O" + build.optimisation() + "):");
            functions.get(name).forEach(out);
        }
        out.accept("");
    }

    /** Function name to its instructions and local labels, in the order the compiler emitted them. */
    public static Map<String, List<String>> of(String source, CProgram.Build build)
            throws CompileError, IOException, InterruptedException {
        Path compiler = CCompiler.find().orElseThrow(() -> new IOException(CCompiler.missingLine()));
        Path dir = Files.createTempDirectory("forklab-asm");
        try {
            Files.writeString(dir.resolve(CProgram.SOURCE_NAME), source, StandardCharsets.UTF_8);
            Path listing = dir.resolve("cell.s");
            CProgram.compileToAssembly(compiler, dir, listing, build);
            return functions(Files.readAllLines(listing, StandardCharsets.UTF_8));
        } finally {
            CProgram.deleteTree(dir);
        }
    }

    /**
     * Splits a GNU assembler listing into functions: a function starts at its label and ends
     * at its {@code .size} directive; other directives are left out, they say nothing about
     * what the CPU does.
     */
    public static Map<String, List<String>> functions(List<String> listing) {
        Map<String, List<String>> found = new LinkedHashMap<>();
        Set<String> declared = new HashSet<>();
        List<String> current = null;
        String name = null;
        for (String line : listing) {
            String trimmed = line.strip();
            if (current == null) {
                Matcher type = FUNCTION_TYPE.matcher(trimmed);
                if (type.matches()) {
                    declared.add(type.group(1));
                } else if (trimmed.endsWith(":") && declared.contains(trimmed.substring(0, trimmed.length() - 1))) {
                    name = trimmed.substring(0, trimmed.length() - 1);
                    current = new ArrayList<>();
                }
                continue;
            }
            if (trimmed.startsWith(".size") && trimmed.contains(name + ",")) {
                found.put(name, List.copyOf(current));
                current = null;
            } else if (isCode(trimmed)) {
                current.add(line.startsWith("\t") ? "    " + trimmed.replace('\t', ' ') : trimmed);
            }
        }
        return found;
    }

    private static boolean isCode(String trimmed) {
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
            return false;
        }
        return !trimmed.startsWith(".") || (trimmed.endsWith(":") && trimmed.startsWith(".L"));
    }
}
