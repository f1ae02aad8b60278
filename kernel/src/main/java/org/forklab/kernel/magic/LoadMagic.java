package org.forklab.kernel.magic;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "%load", mixinStandardHelpOptions = true,
        description = "Run a file of Java and magics as if it were this cell.")
public final class LoadMagic implements Callable<Object> {
    private final MagicHost host;

    @Parameters(paramLabel = "FILE", description = "The file to run, e.g. setup.jshell.")
    Path file;

    public LoadMagic(MagicHost host) {
        this.host = host;
    }

    @Override
    public Object call() throws Exception {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UsageError("%load: no such file '" + file + "' (relative to " + Path.of("").toAbsolutePath() + ")");
        } catch (IOException e) {
            throw new UsageError("%load: cannot read '" + file + "': " + e.getMessage());
        }
        return host.runCell(text);
    }
}
