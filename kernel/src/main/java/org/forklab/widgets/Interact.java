package org.forklab.widgets;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * ipywidgets' {@code interact} for Java: one control per named parameter, and the function run
 * again into an output area whenever one changes (sliders on release). Java lambdas keep no
 * parameter names, so the parameters are named as the controls are added:
 * <pre>{@code
 * Interact.with(p -> chart(p.integer("workers"), p.text("mode")))
 *         .slider("workers", 1, 8, 2)
 *         .choice("mode", List.of("threads", "processes"), "threads")
 *         .panel();   // display it, or let it be the cell's value
 * }</pre>
 */
public final class Interact {
    private final Function<Values, Object> function;
    private final Map<String, DomWidget> controls = new LinkedHashMap<>();
    private final Output output = new Output();

    private Interact(Function<Values, Object> function) {
        this.function = function;
    }

    public static Interact with(Function<Values, Object> function) {
        return new Interact(function);
    }

    /** The current values of the controls, by parameter name. */
    public final class Values {
        public int integer(String name) {
            return (int) Math.round(number(name));
        }

        public double number(String name) {
            return control(name).get("value").getAsDouble();
        }

        public boolean flag(String name) {
            return control(name).get("value").getAsBoolean();
        }

        public String text(String name) {
            DomWidget c = control(name);
            return c instanceof Choice choice ? choice.selected() : c.get("value").getAsString();
        }

        public List<String> selected(String name) {
            return ((SelectMultiple) control(name)).selected();
        }

        private DomWidget control(String name) {
            DomWidget c = controls.get(name);
            if (c == null) {
                throw new IllegalArgumentException("no control named '" + name + "'; there are " + controls.keySet());
            }
            return c;
        }
    }

    public Interact slider(String name, int min, int max, int value) {
        return add(name, new IntSlider(min, max, value).description(name), "value");
    }

    public Interact slider(String name, double min, double max, double step, double value) {
        return add(name, new FloatSlider(min, max, step, value).description(name), "value");
    }

    /** A log slider from {@code lowest} to {@code highest}, four steps per power of ten. */
    public Interact logSlider(String name, double lowest, double highest, double value) {
        return add(name, FloatLogSlider.between(10, lowest, highest, 4, value).description(name), "value");
    }

    public Interact choice(String name, List<String> options, String selected) {
        return add(name, Choice.toggleButtons(options, selected).description(name), "index");
    }

    public Interact choices(String name, List<String> options, List<String> selected) {
        return add(name, new SelectMultiple(options, selected).description(name), "index");
    }

    public Interact checkbox(String name, boolean value) {
        return add(name, new Checkbox(name, value), "value");
    }

    public Interact text(String name, String value) {
        return add(name, new Text(name, value), "value");
    }

    private Interact add(String name, DomWidget control, String property) {
        if (controls.putIfAbsent(name, control) != null) {
            throw new IllegalArgumentException("two controls named '" + name + "'");
        }
        control.observe(property, change -> rerun());
        return this;
    }

    /** The controls above the output area, with the function run once for the start values. */
    public Box panel() {
        List<Widget> children = new ArrayList<>(controls.values());
        children.add(output);
        rerun();
        return Box.vbox(children);
    }

    /** The output area the function's value goes to. */
    public Output output() {
        return output;
    }

    private synchronized void rerun() {
        try {
            output.show(function.apply(new Values()));
        } catch (RuntimeException e) {
            output.showText(e.getClass().getSimpleName() + ": " + e.getMessage(), true);
        }
    }
}
