package org.forklab.kernel.eval;

import jdk.jshell.execution.LocalExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

import java.util.Map;

/**
 * JShell's in-process engine (whose stop() really ends a busy loop: Thread.stop on JDK 17,
 * bytecode-inserted checks on newer JDKs) with our class loader, remembering which wrapper class
 * ran last so the evaluator can read a cell's value as an object rather than as a string.
 */
final class CellExecutionControl extends LocalExecutionControl {
    private final CellLoaderDelegate delegate;
    private volatile String lastInvokedClass;
    private volatile boolean stopPending;
    /** Told of whatever a snippet threw, on the thread that ran it, before JShell handles it. */
    private volatile java.util.function.Consumer<Throwable> onFailure = failure -> { };
    /** Asked when a snippet returned normally: whether it filled the heap all the same. */
    private volatile java.util.function.BooleanSupplier heapExhausted = () -> false;
    /** Made in advance: when it is needed the heap may have no room for a new one. */
    private static final OutOfMemoryError HEAP_EXHAUSTED = new OutOfMemoryError("Java heap space");

    /** The cells' loader: the context class loader of every thread that runs a cell. */
    private final ClassLoader cellLoader;

    CellExecutionControl(CellLoaderDelegate delegate, ClassLoader cellLoader) {
        super(delegate);
        this.delegate = delegate;
        this.cellLoader = cellLoader;
    }

    /** JShell's stop, once no cell thread is in the middle of starting a process ({@link ProcessStartFence}). */
    @Override
    public void stop() throws EngineTerminationException, InternalException {
        ProcessStartFence.awaitNoProcessStarting(cellLoader);
        super.stop();
    }

    /**
     * Called on interrupt. JShell's stop() only reaches code already running, so a stop that
     * arrives while the snippet still compiles is kept and refuses the snippet's start.
     */
    void requestStop() {
        stopPending = true;
    }

    void clearStop() {
        stopPending = false;
    }

    @Override
    public String invoke(String className, String methodName)
            throws RunException, InternalException, EngineTerminationException {
        lastInvokedClass = className;
        if (stopPending) {
            throw new StoppedException();
        }
        return super.invoke(className, methodName);
    }

    void onFailure(java.util.function.Consumer<Throwable> listener, java.util.function.BooleanSupplier exhausted) {
        onFailure = listener;
        heapExhausted = exhausted;
    }

    /**
     * An OutOfMemoryError leaves the heap full until what the cell holds is let go; JShell's own
     * handling of the failure allocates, and so may the kernel's threads meanwhile. So the
     * evaluator hears of it here first.
     */
    @Override
    protected String invoke(java.lang.reflect.Method doitMethod) throws Exception {
        String result;
        try {
            result = super.invoke(doitMethod);
        } catch (Exception | Error e) {
            onFailure.accept(e);
            throw e;
        }
        if (heapExhausted.getAsBoolean()) {
            // JShell's engine runs the snippet on a thread of its own and wraps what it throws; on a
            // full heap the wrapping itself can fail, and the engine drops an exception it did not
            // wrap. The snippet then seems to have returned while its data still fills the heap.
            onFailure.accept(HEAP_EXHAUSTED);
            throw HEAP_EXHAUSTED;
        }
        return result;
    }

    /** The wrapper class of the snippet that ran last, or null; cleared by reading it. */
    String takeLastInvokedClass() {
        String name = lastInvokedClass;
        lastInvokedClass = null;
        return name;
    }

    Class<?> loadedClass(String name) throws ClassNotFoundException {
        return delegate.findClass(name);
    }

    /** Hands JShell one prepared control. */
    static final class Provider implements ExecutionControlProvider {
        private final CellExecutionControl control;

        Provider(CellExecutionControl control) {
            this.control = control;
        }

        @Override
        public String name() {
            return "forklab-local";
        }

        @Override
        public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
            return control;
        }
    }
}
