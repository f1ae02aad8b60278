package org.forklab.magics;

import org.forklab.spi.MagicCommandLine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import org.forklab.experiments.core.BadParameterException;
import org.forklab.experiments.core.ExperimentTimeoutException;
import org.forklab.magics.io.Bench;
import org.forklab.magics.parse.CellMagic;
import org.forklab.magics.parse.ChecksConfiguration;
import org.forklab.magics.parse.LineMagic;
import org.forklab.magics.parse.MagicDefinition;
import org.forklab.magics.parse.MagicParser;
import org.forklab.spi.UsageError;

/**
 * One call of a magic: a fresh command object, picocli fills it, help is printed or the magic
 * runs; every failure a student can cause leaves as one {@link UsageError} line.
 */
public final class MagicCall {
    private MagicCall() {
    }

    public static void line(MagicDefinition magic, List<String> args, Bench bench) throws InterruptedException {
        Object command = magic.factory().get();
        if (printedHelp(magic, command, args, bench)) {
            return;
        }
        guarded(magic, () -> ((LineMagic) command).run(bench));
    }

    public static void cell(MagicDefinition magic, List<String> args, String body, Bench bench)
            throws InterruptedException {
        Object command = magic.factory().get();
        if (printedHelp(magic, command, args, bench)) {
            return;
        }
        guarded(magic, () -> ((CellMagic) command).run(bench, body));
    }

    /**
     * Parses and checks the configuration without running: what a run would refuse, this refuses
     * with the same one line. Used by tests and by the facade.
     */
    public static void check(MagicDefinition magic, List<String> args) {
        Object command = magic.factory().get();
        if (MagicParser.parse(magic.display(), command, args).isEmpty() && command instanceof ChecksConfiguration checked) {
            try {
                guarded(magic, checked::checkConfiguration);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static boolean printedHelp(MagicDefinition magic, Object command, List<String> args, Bench bench) {
        Optional<String> help = MagicParser.parse(magic.display(), command, args == null ? List.of() : args);
        help.ifPresent(text -> {
            bench.out().print(text);
            bench.out().flush();
        });
        return help.isPresent();
    }

    private interface Work {
        void run() throws Exception;
    }

    private static void guarded(MagicDefinition magic, Work work) throws InterruptedException {
        String name = magic.display();
        try {
            work.run();
        } catch (UsageError e) {
            String line = MagicCommandLine.oneLine(e.getMessage());
            throw new UsageError(line.startsWith(name + ": ") ? line : name + ": " + line);
        } catch (BadParameterException | ExperimentTimeoutException e) {
            throw new UsageError(name + ": " + MagicCommandLine.oneLine(e.getMessage()));
        } catch (InterruptedException e) {
            // The kernel interrupted this thread; the experiment has stopped and reaped what it
            // started. The host reports the interrupt in its own words.
            throw e;
        } catch (IOException | UncheckedIOException e) {
            throw new UsageError(name + ": " + MagicCommandLine.oneLine(e.getMessage()));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(name + " failed: " + e, e);
        }
    }
}
