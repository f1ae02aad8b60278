package org.forklab.magics;

import io.github.spencerpark.jupyter.kernel.BaseKernel;
import io.github.spencerpark.jupyter.kernel.magic.registry.Magics;
import org.forklab.magics.io.Bench;
import org.forklab.magics.io.KernelScreen;
import org.forklab.magics.io.Session;
import java.util.List;
import org.forklab.magics.parse.MagicDefinition;
import org.forklab.magics.parse.MagicParser;
import org.forklab.spi.ExtensionContext;
import org.forklab.spi.MagicCommandLine;
import org.forklab.spi.KernelExtension;
import org.forklab.spi.PlainExtensionContext;

/**
 * Registers forklab's magics with a host. The forklab kernel finds this class through
 * ServiceLoader; a stock IJava loads it with one start-up line:
 * {@code org.forklab.magics.ForklabMagics.register(IJava.getKernelInstance(), IJava.getKernelInstance().getMagics());}
 */
public final class ForklabMagics implements KernelExtension {
    private static volatile ExtensionContext host;

    @Override
    public void register(ExtensionContext context) {
        host = context;
        for (MagicDefinition magic : MagicCatalog.all()) {
            if (magic.cell()) {
                context.magics().registerCellMagic(magic.name(), (args, body) -> {
                    MagicCall.cell(magic, args, body, bench(context));
                    return null;
                });
                context.describeCellMagic(magic.name(), magic.summary());
                context.completeMagicOptions(magic.name(), true, option -> optionWords(magic, option));
            } else {
                context.magics().registerLineMagic(magic.name(), args -> {
                    MagicCall.line(magic, args, bench(context));
                    return null;
                });
                context.describeLineMagic(magic.name(), magic.summary());
                context.completeMagicOptions(magic.name(), false, option -> optionWords(magic, option));
            }
        }
    }

    private static List<String> optionWords(MagicDefinition magic, String option) {
        return MagicCommandLine.candidates(MagicParser.commandLine(magic.display(), magic.factory().get()), option);
    }

    /** For hosts that know nothing of forklab (stock IJava): results stay in {@link org.forklab.spi.Results}. */
    public static void register(BaseKernel kernel, Magics magics) {
        ExtensionContext context = new PlainExtensionContext(kernel, magics);
        new ForklabMagics().register(context);
        // Stock IJava has no %lsmagic; the forklab kernel has its own, which lists these too.
        magics.registerLineMagic("lsmagic", args -> {
            if (!args.isEmpty() && !args.equals(java.util.List.of("--help")) && !args.equals(java.util.List.of("-h"))) {
                throw new org.forklab.spi.UsageError("%lsmagic takes no arguments (it lists forklab's magics)");
            }
            // returned, not printed: IJava shows a magic's value as the cell's result
            return listing();
        });
    }

    /** forklab's magics, one per line with what each does, as %lsmagic shows them under another host. */
    static String listing() {
        StringBuilder text = new StringBuilder("forklab's magics (each explains itself with --help):\n");
        int width = MagicCatalog.all().stream().mapToInt(m -> m.name().length() + (m.cell() ? 2 : 1)).max().orElse(0);
        for (MagicDefinition magic : MagicCatalog.all()) {
            String name = (magic.cell() ? "%%" : "%") + magic.name();
            text.append(String.format("%-" + width + "s  %s%n", name, magic.summary()));
        }
        return text.toString();
    }

    /** The context of the last registration, for the Java facade; null before any. */
    static ExtensionContext host() {
        return host;
    }

    static Bench bench(ExtensionContext context) {
        return new Bench(new KernelScreen(context.kernel()), context::bind, Session.current());
    }
}
