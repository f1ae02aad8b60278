package org.forklab.widgets;

import io.github.spencerpark.jupyter.kernel.BaseKernel;
import io.github.spencerpark.jupyter.kernel.comm.CommManager;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The widgets' link to a kernel: {@link #attach} once (forklab's kernel does; under stock IJava a
 * start-up line {@code org.forklab.widgets.Widgets.attach(IJava.getKernelInstance())} does), then
 * widgets made in cells display with {@code display(widget)} or as a cell's value.
 */
public final class Widgets {
    private static volatile Transport transport;
    private static volatile Function<Object, DisplayData> renderer = o -> new DisplayData(String.valueOf(o));
    /** Every widget whose comm is open, for the control comm's update_states. */
    private static final Map<String, Widget> OPEN = new LinkedHashMap<>();

    private Widgets() {
    }

    /**
     * Serves widgets through {@code kernel}'s comm manager: answers the control target (a reloaded
     * page gets its widgets back) and renders widgets as their views.
     */
    public static void attach(BaseKernel kernel) {
        CommManager manager = kernel.getCommManager();
        CommTransport through = new CommTransport(manager);
        manager.registerTarget(Protocol.CONTROL_TARGET, new ControlTarget(through));
        kernel.getRenderer().createRegistration(Widget.class).preferring(Protocol.VIEW_MIME)
                .register((widget, context) -> context.getOutputContainer().assign(widget.toDisplayData()));
        renderer = o -> kernel.getRenderer().render(o);
        transport = through;
    }

    /** For tests: messages go to {@code recorder}; no kernel needed. */
    public static synchronized void useTransport(Transport recorder) {
        transport = recorder;
        OPEN.clear();
    }

    static Transport transport() {
        Transport t = transport;
        if (t == null) {
            throw new IllegalStateException("widgets need a kernel: call Widgets.attach(kernel) first");
        }
        return t;
    }

    /** Renders a value as the kernel would show it (for Output widgets). */
    public static DisplayData render(Object value) {
        return value instanceof DisplayData d ? d : renderer.apply(value);
    }

    static synchronized void remember(Widget widget) {
        OPEN.put(widget.id(), widget);
    }

    static synchronized void forget(Widget widget) {
        OPEN.remove(widget.id());
    }

    static synchronized List<Widget> open() {
        return new ArrayList<>(OPEN.values());
    }

    /**
     * Keeps {@code targetProperty} of {@code target} equal to {@code sourceProperty} of
     * {@code source}, both ways, in the kernel (a change arrives, the other widget follows).
     */
    public static void link(Widget source, String sourceProperty, Widget target, String targetProperty) {
        follow(source, sourceProperty, target, targetProperty);
        follow(target, targetProperty, source, sourceProperty);
        target.set(targetProperty, source.get(sourceProperty));
    }

    /** One way: {@code target} follows {@code source}. */
    public static void follow(Widget source, String sourceProperty, Widget target, String targetProperty) {
        source.observe(sourceProperty, change -> {
            // Equal values stop the echo between two linked widgets.
            if (!Objects.equals(target.get(targetProperty), change.newValue())) {
                target.set(targetProperty, change.newValue());
            }
        });
    }
}
