package org.forklab.kernel.magic;

import picocli.CommandLine.Command;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

@Command(name = "%lsmagic", mixinStandardHelpOptions = true,
        description = "List every magic with what it does.",
        footer = "Each magic explains its arguments with --help, e.g. %%maven --help.")
public final class LsMagic implements Callable<Object> {
    private final MagicRegistry registry;

    public LsMagic(MagicRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Object call() {
        System.out.print(listing(registry));
        return null;
    }

    /** Line magics then cell magics, one per line, names aligned. */
    static String listing(MagicRegistry registry) {
        StringBuilder text = new StringBuilder();
        append(text, "Line magics:", "%", new TreeMap<>(registry.lineMagics()));
        append(text, "Cell magics:", "%%", new TreeMap<>(registry.cellMagics()));
        return text.toString();
    }

    private static void append(StringBuilder text, String title, String prefix, Map<String, String> magics) {
        text.append(title).append('\n');
        if (magics.isEmpty()) {
            text.append("  (none)\n");
            return;
        }
        int width = magics.keySet().stream().mapToInt(String::length).max().orElse(0) + prefix.length();
        magics.forEach((name, summary) -> text.append("  ")
                .append(summary.isEmpty() ? prefix + name : String.format("%-" + width + "s  %s", prefix + name, summary))
                .append('\n'));
    }
}
