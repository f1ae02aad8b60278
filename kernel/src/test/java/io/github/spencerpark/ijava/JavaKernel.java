package io.github.spencerpark.ijava;

import io.github.spencerpark.jupyter.kernel.BaseKernel;
import io.github.spencerpark.jupyter.kernel.LanguageInfo;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.magic.registry.Magics;

import java.util.ArrayList;
import java.util.List;

/**
 * The part of IJava's JavaKernel that a magics extension can reach: basekernel's kernel with
 * basekernel's {@link Magics} registry. Displays are recorded instead of sent to a front end.
 */
public final class JavaKernel extends BaseKernel {
    private final Magics magics = new Magics();
    private final List<DisplayData> displayed = new ArrayList<>();

    public Magics getMagics() {
        return magics;
    }

    public List<DisplayData> displayed() {
        return displayed;
    }

    @Override
    public void display(DisplayData data) {
        displayed.add(data);
    }

    @Override
    public DisplayData eval(String expr) {
        throw new UnsupportedOperationException("the stand-in evaluates nothing itself");
    }

    @Override
    public LanguageInfo getLanguageInfo() {
        return new LanguageInfo.Builder("java").version(Runtime.version().toString()).build();
    }
}
