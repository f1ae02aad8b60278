package org.forklab.magics.parse;

import org.forklab.magics.io.Bench;

/** A cell magic: like {@link LineMagic}, and the rest of the cell comes as {@code body}. */
public interface CellMagic {
    void run(Bench bench, String body) throws Exception;
}
