package org.forklab.magics.explore;

import java.util.ArrayList;
import java.util.List;
import org.forklab.widgets.Checkbox;
import org.forklab.widgets.Choice;
import org.forklab.widgets.DomWidget;
import org.forklab.widgets.FloatLogSlider;
import org.forklab.widgets.IntSlider;
import org.forklab.widgets.SelectMultiple;

/** The widgets of a {@link PanelSpec}, one per control, and their current values. */
public final class PanelControls {
    /** Steps per power of ten on count and duration sliders. */
    private static final int STEPS_PER_DECADE = 8;

    private final PanelSpec spec;
    private final List<DomWidget> widgets = new ArrayList<>();

    public PanelControls(PanelSpec spec) {
        this.spec = spec;
        for (ControlSpec c : spec.controls()) {
            widgets.add(widget(c));
        }
    }

    public List<DomWidget> widgets() {
        return widgets;
    }

    /** The property each widget reports changes in. */
    public static String changing(DomWidget w) {
        return w instanceof Choice || w instanceof SelectMultiple ? "index" : "value";
    }

    /** The arguments of a run with the controls as they are now. */
    public List<String> args() {
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < widgets.size(); i++) {
            values.add(value(spec.controls().get(i), widgets.get(i)));
        }
        return spec.args(values);
    }

    private static Object value(ControlSpec c, DomWidget w) {
        return switch (c.kind()) {
            case FLAG -> ((Checkbox) w).value();
            case ONE_OF -> ((Choice) w).selected();
            case ANY_OF -> ((SelectMultiple) w).selected();
            case INTEGER -> ((IntSlider) w).value();
            default -> ((FloatLogSlider) w).value();
        };
    }

    @SuppressWarnings("unchecked")
    private static DomWidget widget(ControlSpec c) {
        String label = c.option().replaceFirst("^-+", "");
        DomWidget w = switch (c.kind()) {
            case FLAG -> new Checkbox(label, (Boolean) c.initial());
            case ONE_OF -> Choice.toggleButtons(c.choices(), (String) c.initial()).description(label);
            case ANY_OF -> new SelectMultiple(c.choices(), (List<String>) c.initial()).description(label);
            case INTEGER -> new IntSlider((int) c.min(), (int) c.max(), (int) Math.round((Double) c.initial()))
                    .description(label);
            case LOG_BYTES -> FloatLogSlider.between(2, c.min(), c.max(), 1, powerOfTwo((Double) c.initial(), c))
                    .description(label);
            case LOG_COUNT, LOG_SECONDS -> FloatLogSlider.between(10, c.min(), c.max(), STEPS_PER_DECADE,
                    (Double) c.initial()).description(label);
        };
        w.set("tooltip", c.help());
        w.style().with("description_width", "initial");
        return w;
    }

    /** A size slider moves over powers of two; the start is the nearest one within bounds. */
    private static double powerOfTwo(double bytes, ControlSpec c) {
        double p = Math.pow(2, Math.round(Math.log(bytes) / Math.log(2)));
        return Math.min(c.max(), Math.max(c.min(), p));
    }
}
