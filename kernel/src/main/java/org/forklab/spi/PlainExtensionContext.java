package org.forklab.spi;

import io.github.spencerpark.jupyter.kernel.BaseKernel;
import io.github.spencerpark.jupyter.kernel.magic.registry.Magics;

import java.util.Map;
import java.util.TreeMap;

/**
 * The context for hosts that know nothing of forklab, such as stock IJava: magics register,
 * summaries are kept for the extension's own {@code %lsmagic}-like listing, and results are
 * reachable through {@link Results} rather than bound as variables.
 */
public final class PlainExtensionContext implements ExtensionContext {
    private final BaseKernel kernel;
    private final Magics magics;
    private final Map<String, String> summaries = new TreeMap<>();

    public PlainExtensionContext(BaseKernel kernel, Magics magics) {
        this.kernel = kernel;
        this.magics = magics;
    }

    @Override
    public BaseKernel kernel() {
        return kernel;
    }

    @Override
    public Magics magics() {
        return magics;
    }

    @Override
    public void describeLineMagic(String name, String summary) {
        summaries.put("%" + name, summary);
    }

    @Override
    public void describeCellMagic(String name, String summary) {
        summaries.put("%%" + name, summary);
    }

    @Override
    public boolean bind(String name, Class<?> type, Object value) {
        Results.put(name, value);
        return false;
    }

    /** Magic name (with its % or %%) to one-line summary, sorted by name. */
    public Map<String, String> summaries() {
        return Map.copyOf(summaries);
    }
}
