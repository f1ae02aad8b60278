package io.github.spencerpark.ijava;

/**
 * A stand-in for stock IJava 1.3.0's entry class, which is not on Maven Central: the same
 * static accessor that IJava's start-up scripts use, so the README's one-line script is tested
 * as written. Only {@link org.forklab.ijavacompat.StockIJavaHost} uses it, in a child JVM.
 */
public final class IJava {
    private static JavaKernel instance;

    private IJava() {
    }

    public static synchronized JavaKernel getKernelInstance() {
        if (instance == null) {
            instance = new JavaKernel();
        }
        return instance;
    }
}
