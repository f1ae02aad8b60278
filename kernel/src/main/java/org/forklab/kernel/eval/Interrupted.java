package org.forklab.kernel.eval;

import java.util.List;

/** The cell was stopped by an interrupt request. */
public final class Interrupted extends CellError {
    private static final long serialVersionUID = 1L;

    public Interrupted(String what) {
        super("Interrupted", what, List.of("Interrupted: " + what));
    }
}
