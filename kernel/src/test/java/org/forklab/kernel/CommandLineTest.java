package org.forklab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The kernel's own command line, as a person types it: --version, a slip in a sub-command's name. */
class CommandLineTest {
    @Test
    void versionNamesTheBuildsVersion() {
        StringWriter out = new StringWriter();
        CommandLine line = new CommandLine(new Main());
        line.setOut(new PrintWriter(out));
        assertEquals(0, line.execute("--version"));
        assertTrue(out.toString().matches("forklab-kernel \\d+\\.\\d+\\.\\d+(-SNAPSHOT)? \\(Java .+\\)\\R"),
                out.toString());
    }

    @Test
    void aMistypedSubcommandIsNamedWithTheSubcommands() {
        assertEquals("forklab-kernel: 'instal' is neither a sub-command nor a connection file; did you mean install?"
                + " (sub-commands: install; see --help)", Main.notAConnectionFile("instal"));
    }

    @Test
    void aMissingPathIsReportedAsAConnectionFile() {
        assertEquals("forklab-kernel: no connection file at /tmp/nowhere/kernel-1.json"
                + " (Jupyter passes the path of the connection file it wrote)",
                Main.notAConnectionFile("/tmp/nowhere/kernel-1.json"));
    }

    @Test
    void aWordFarFromEverySubcommandGetsNoGuess() {
        assertEquals("forklab-kernel: 'zebra' is neither a sub-command nor a connection file"
                + " (sub-commands: install; see --help)", Main.notAConnectionFile("zebra"));
    }
}
