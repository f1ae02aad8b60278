package org.forklab.spi;

import io.github.spencerpark.jupyter.kernel.BaseKernel;
import io.github.spencerpark.jupyter.kernel.magic.registry.Magics;

/**
 * What a host kernel offers an extension. Only basekernel types appear here, so a stock IJava
 * kernel can be wrapped in a {@link PlainExtensionContext}.
 */
public interface ExtensionContext {

    /** The running kernel: display, renderer and the cell's streams. */
    BaseKernel kernel();

    /** basekernel's magic registry of the host. */
    Magics magics();

    /** Records the one-line summary that {@code %lsmagic} shows for a line magic. */
    void describeLineMagic(String name, String summary);

    /** Records the one-line summary that {@code %lsmagic} shows for a cell magic. */
    void describeCellMagic(String name, String summary);

    /**
     * Offers the words a magic's options take ({@code wordsOf} an option name, e.g. "--modes", to
     * its words, empty for none), for completion after {@code %name --option }. A host without
     * completion of magics (stock IJava) ignores it.
     */
    default void completeMagicOptions(String name, boolean cell, java.util.function.Function<String, java.util.List<String>> wordsOf) {
    }

    /**
     * Makes {@code value} visible as a variable {@code name} of static type {@code type} in the
     * Java cells that follow. Returns false where the host cannot do that (stock IJava); the
     * value then stays reachable through {@link Results#get(String)}.
     */
    boolean bind(String name, Class<?> type, Object value);
}
