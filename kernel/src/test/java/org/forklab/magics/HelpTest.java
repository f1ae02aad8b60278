package org.forklab.magics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.forklab.magics.parse.MagicDefinition;
import org.junit.jupiter.api.Test;

/** The generated help of every magic, word for word: a changed option shows up here first. */
class HelpTest {

    static String help(String name, boolean cell, String... args) throws InterruptedException {
        MagicDefinition magic = MagicCatalog.find(name, cell).orElseThrow();
        RecordingScreen screen = new RecordingScreen();
        if (cell) {
            MagicCall.cell(magic, List.of(args), "", screen.bench());
        } else {
            MagicCall.line(magic, List.of(args), screen.bench());
        }
        assertEquals(List.of(), screen.displays, "help displays nothing but text");
        return screen.outText();
    }

    @Test
    void env() throws Exception {
        assertEquals(""
                + "Usage: %env [-h] [--as=NAME]\n"
                + "Show the machine measured on: CPUs, kernel, JDK, limits, C compiler.\n"
                + "  -h, --help      Show this help and do nothing else.\n"
                + "      --as=NAME   Bind the Environment record to this variable for later Java cells.\n",
                help("env", false, "--help"));
    }

    @Test
    void c() throws Exception {
        assertEquals(""
                + "Usage: %%c [-h] [--full-buffering] [--as=NAME] [-O=LEVEL] [--std=STD] [--timeout=TIME] [-D=NAME\n"
                + "           [=VALUE]]... [-l=LIB]... [ARG...]\n"
                + "Compile the cell as C (-pthread) and run it with a time limit; words after -- are its arguments.\n"
                + "      [ARG...]           Arguments for the program, after --.\n"
                + "  -h, --help             Show this help and do nothing else.\n"
                + "  -O, --opt=LEVEL        Optimisation level, as cc -O0 to -O3. (0..3)\n"
                + "                           Default: 2\n"
                + "  -D=NAME[=VALUE]        Define a macro, as cc -D; may be repeated.\n"
                + "  -l=LIB                 Link a library, as cc -l (libm is always linked); may be repeated.\n"
                + "      --std=STD          C dialect: c99, c11, c17, gnu99, gnu11, gnu17.\n"
                + "                           Default: gnu17\n"
                + "      --timeout=TIME     Stop the program after this long, e.g. 500ms, 10s, 1m. (0.1s..600s)\n"
                + "                           Default: 10s\n"
                + "      --full-buffering   Keep C's full buffering of stdout into a pipe (output then appears at\n"
                + "                           exit).\n"
                + "      --as=NAME          Bind the run (exit code, signal, output) to this variable for later Java\n"
                + "                           cells.\n",
                help("c", true, "-h"));
    }
}
