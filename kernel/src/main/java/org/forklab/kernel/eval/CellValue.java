package org.forklab.kernel.eval;

/**
 * What a cell evaluated to: nothing (a statement or declaration ended it), or the value of its
 * final expression as the object itself, so the kernel's renderer can show it richly.
 */
public final class CellValue {
    private static final CellValue NONE = new CellValue(false, null);

    private final boolean present;
    private final Object value;

    private CellValue(boolean present, Object value) {
        this.present = present;
        this.value = value;
    }

    public static CellValue none() {
        return NONE;
    }

    public static CellValue of(Object value) {
        return new CellValue(true, value);
    }

    public boolean isPresent() {
        return present;
    }

    /** The value (possibly null); only meaningful when {@link #isPresent()}. */
    public Object value() {
        return value;
    }

    @Override
    public String toString() {
        return present ? "CellValue[" + value + "]" : "CellValue[none]";
    }
}
