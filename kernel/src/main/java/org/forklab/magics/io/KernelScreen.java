package org.forklab.magics.io;

import io.github.spencerpark.jupyter.kernel.BaseKernel;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import java.io.PrintStream;

/** A screen on basekernel's public API: the kernel's JupyterIO streams and DisplayStream. */
public final class KernelScreen implements Screen {
    private final BaseKernel kernel;

    public KernelScreen(BaseKernel kernel) {
        this.kernel = kernel;
    }

    @Override
    public PrintStream out() {
        return kernel.getIO().out;
    }

    @Override
    public PrintStream err() {
        return kernel.getIO().err;
    }

    @Override
    public void display(DisplayData data) {
        kernel.display(data);
    }

    @Override
    public void update(DisplayData data) {
        kernel.getIO().display.updateDisplay(data);
    }
}
