package org.forklab.kernel.magic;

import org.forklab.spi.UsageError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "%load", mixinStandardHelpOptions = true,
        description = "Run a file of Java and magics as if it were this cell.")
public final class LoadMagic implements Callable<Object> {
    /** A cell of Java, not data: a 1 GB file once held the kernel for minutes and 5 GB of memory. */
    static final long MAX_BYTES = 1_000_000;

    private final MagicHost host;

    @Parameters(paramLabel = "FILE", description = "The file to run, e.g. setup.jshell (a regular file of at most 1 MB).")
    Path file;

    public LoadMagic(MagicHost host) {
        this.host = host;
    }

    @Override
    public Object call() throws Exception {
        return host.runCell(read(file));
    }

    /** The file's text; a FIFO, a device or an oversize file is refused before anything is read. */
    static String read(Path file) throws UsageError, InterruptedException {
        if (!Files.exists(file)) {
            throw new UsageError("%load: no such file '" + file + "' (relative to " + Path.of("").toAbsolutePath() + ")");
        }
        if (!Files.isRegularFile(file)) {
            // Opening a FIFO would block until someone writes to it.
            throw new UsageError("%load: '" + file + "' is not a regular file (a directory, FIFO or device);"
                    + " %load runs a file of Java code");
        }
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new UsageError(String.format(Locale.ROOT, "%%load: '%s' is %,d bytes; %%load runs files of Java"
                        + " code up to %,d bytes. Read data in a cell instead, e.g. Files.lines(Path.of(\"%s\"))",
                        file, size, MAX_BYTES, file));
            }
            // A FileChannel's read ends when the thread is interrupted (the stop button).
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
                 InputStream in = Channels.newInputStream(channel)) {
                byte[] bytes = in.readNBytes((int) MAX_BYTES + 1);
                if (bytes.length > MAX_BYTES) {
                    throw new UsageError("%load: '" + file + "' grew past " + MAX_BYTES + " bytes while it was read");
                }
                return new String(bytes, StandardCharsets.UTF_8);
            }
        } catch (ClosedByInterruptException e) {
            Thread.interrupted();
            throw new InterruptedException("%load was interrupted");
        } catch (IOException e) {
            throw new UsageError("%load: cannot read '" + file + "': " + e.getMessage());
        }
    }
}
