package org.forklab.magics;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.forklab.magics.parse.MagicDefinition;
import org.forklab.magics.parse.MagicParser;
import org.forklab.magics.parse.Range;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The README's table of magics, generated from the same declarations as their help. The kernel's
 * own magics (%lsmagic, %maven, ...) join the table there, since only the kernel sees both sets;
 * a test in the kernel fails when README.md drifts (regenerate with -Dforklab.writeDocs=true).
 */
public final class MagicsTable {
    private MagicsTable() {
    }

    /** The table's header rows. */
    public static String header() {
        return "| Magic | What it does | Options (default) |\n|---|---|---|\n";
    }

    /** The forklab magics, one row each, in the catalogue's order. */
    public static String rows() {
        StringBuilder out = new StringBuilder();
        for (MagicDefinition magic : MagicCatalog.all()) {
            out.append(row(magic.display(), magic.summary(),
                    MagicParser.commandLine(magic.display(), magic.factory().get()).getCommandSpec()));
        }
        return out.toString();
    }

    /** One row from any picocli declaration: name, summary, options with ranges and defaults, parameters. */
    public static String row(String display, String summary, CommandSpec spec) {
        List<String> options = options(spec);
        return "| `" + display + "` | " + cell(summary) + " | " + (options.isEmpty() ? "none" : String.join("<br>", options))
                + " |\n";
    }

    /** The forklab magics alone, under the header. */
    public static String markdown() {
        return header() + rows();
    }

    private static List<String> options(CommandSpec spec) {
        List<String> rows = new ArrayList<>();
        for (OptionSpec option : spec.options()) {
            if (option.usageHelp() || option.versionHelp()) {
                continue;
            }
            StringBuilder row = new StringBuilder("`").append(String.join(", ", option.names()));
            if (!option.typeInfo().isBoolean()) {
                row.append(' ').append(option.paramLabel());
            }
            row.append('`');
            List<String> notes = new ArrayList<>();
            if (option.userObject() instanceof Field field && field.isAnnotationPresent(Range.class)) {
                notes.add(MagicParser.rangeText(field).replaceAll("^\\(|\\)$", ""));
            }
            String shown = defaultShown(option);
            if (shown != null) {
                notes.add("default " + shown);
            }
            if (!notes.isEmpty()) {
                row.append(" (").append(String.join(", ", notes)).append(')');
            }
            rows.add(row.toString());
        }
        for (PositionalParamSpec positional : spec.positionalParameters()) {
            rows.add("`" + positional.paramLabel() + (positional.isMultiValue() ? "...`" : "`"));
        }
        return rows;
    }

    private static String defaultShown(OptionSpec option) {
        if (option.typeInfo().isBoolean()) {
            return null;
        }
        if (option.defaultValue() != null) {
            return option.defaultValue();
        }
        Object initial = option.initialValue();
        if (initial == null || (initial instanceof Collection<?> c && c.isEmpty())) {
            return null;
        }
        return String.valueOf(initial);
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }
}
