package org.forklab.widgets;

/** A value a widget does not accept: out of its range, of the wrong type, or for no such property. */
public final class RefusedValueException extends IllegalArgumentException {
    public RefusedValueException(String message) {
        super(message);
    }
}
