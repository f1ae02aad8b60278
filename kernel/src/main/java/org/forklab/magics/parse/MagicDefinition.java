package org.forklab.magics.parse;

import java.util.function.Supplier;
import picocli.CommandLine.Command;

/**
 * One magic as the host sees it: its name, whether it is a cell magic, a factory for a fresh
 * command object per call (picocli fills fields, so instances are never reused), and the one-line
 * summary taken from the first line of its {@code @Command(description)}.
 */
public record MagicDefinition(String name, boolean cell, Supplier<Object> factory, String summary) {

    public static MagicDefinition line(Supplier<? extends LineMagic> factory) {
        return of(false, factory::get);
    }

    public static MagicDefinition cell(Supplier<? extends CellMagic> factory) {
        return of(true, factory::get);
    }

    private static MagicDefinition of(boolean cell, Supplier<Object> factory) {
        Class<?> type = factory.get().getClass();
        Command command = type.getAnnotation(Command.class);
        if (command == null || command.name().isEmpty() || command.description().length == 0) {
            throw new IllegalStateException(type + " needs @Command(name = ..., description = ...)");
        }
        return new MagicDefinition(command.name(), cell, factory, command.description()[0]);
    }

    /** "%env" or "%%c", as the user types it. */
    public String display() {
        return (cell ? "%%" : "%") + name;
    }
}
