package org.forklab.kernel.magic;

import io.github.spencerpark.jupyter.kernel.magic.LineMagicArgs;
import io.github.spencerpark.jupyter.kernel.magic.MagicParser;

import java.util.ArrayList;
import java.util.List;

/**
 * A cell split into its line magics (in order) and its Java. Magic lines are parsed, and their
 * arguments split, by basekernel's {@link MagicParser}; in the Java they become blank lines of
 * the same length so compile errors still point at the right line and column.
 */
public final class ParsedCell {
    private static final MagicParser PARSER = new MagicParser();

    private final List<LineMagicArgs> lineMagics;
    private final String java;

    private ParsedCell(List<LineMagicArgs> lineMagics, String java) {
        this.lineMagics = List.copyOf(lineMagics);
        this.java = java;
    }

    public static ParsedCell parse(String cell) {
        List<LineMagicArgs> magics = new ArrayList<>();
        String java = PARSER.transformLineMagics(cell, context -> {
            magics.add(context.getMagicCall());
            return " ".repeat(context.getRaw().length());
        });
        return new ParsedCell(magics, java);
    }

    /** The cell magic call ({@code %%name args} on the first line, then the body), or null. */
    public static io.github.spencerpark.jupyter.kernel.magic.CellMagicArgs cellMagic(String cell) {
        var context = PARSER.parseCellMagic(cell);
        return context == null ? null : context.getMagicCall();
    }

    public List<LineMagicArgs> lineMagics() {
        return lineMagics;
    }

    /** The Java part: the cell with magic lines blanked. */
    public String java() {
        return java;
    }

    public boolean hasJava() {
        return !java.isBlank();
    }
}
