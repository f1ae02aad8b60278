package org.forklab.magics;

import io.github.spencerpark.jupyter.kernel.BaseKernel;
import io.github.spencerpark.jupyter.kernel.LanguageInfo;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import java.util.ArrayList;
import java.util.List;

/** The smallest real BaseKernel: it evaluates nothing and keeps what is displayed. */
final class FakeKernel extends BaseKernel {
    final List<DisplayData> displayed = new ArrayList<>();

    @Override
    public DisplayData eval(String expr) {
        return null;
    }

    @Override
    public LanguageInfo getLanguageInfo() {
        return new LanguageInfo.Builder("java").version("17").build();
    }

    @Override
    public void display(DisplayData data) {
        displayed.add(data);
    }
}
