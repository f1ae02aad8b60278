package org.forklab.magics;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import org.forklab.magics.io.Bundle;
import org.forklab.magics.parse.CellMagic;
import org.forklab.magics.parse.LineMagic;
import org.forklab.magics.parse.MagicDefinition;
import org.forklab.magics.readings.Reading;
import org.forklab.magics.readings.Readings;
import org.forklab.magics.view.Views;

/**
 * Every extension point a magic fills, registered in one place (as kotlin-jupyter's
 * {@code JupyterIntegration} builder does): the magics in their listing order, the experiment
 * magics with result type, view, reading, measurement and example, and the views of results no magic
 * measures. {@link MagicCatalog} holds the one chain of calls; everything else derives from it.
 */
final class Registrations {
    private final List<MagicDefinition> magics;
    private final List<ExperimentRegistration<?, ?>> experiments;
    private final List<Runnable> views;

    private Registrations(Builder b) {
        this.magics = List.copyOf(b.magics);
        this.experiments = List.copyOf(b.experiments);
        this.views = List.copyOf(b.views);
    }

    static Builder builder() {
        return new Builder();
    }

    List<MagicDefinition> magics() {
        return magics;
    }

    List<ExperimentRegistration<?, ?>> experiments() {
        return experiments;
    }

    /** Registers every view and reading, so Lab.show and the magics show a result alike. */
    void registerViews() {
        views.forEach(Runnable::run);
    }

    static final class Builder {
        private final List<MagicDefinition> magics = new ArrayList<>();
        private final List<ExperimentRegistration<?, ?>> experiments = new ArrayList<>();
        private final List<Runnable> views = new ArrayList<>();

        private Builder() {
        }

        /** A line magic that measures nothing of its own (it shows, compares or explores). */
        Builder line(Supplier<? extends LineMagic> factory) {
            magics.add(MagicDefinition.line(factory));
            return this;
        }

        Builder cell(Supplier<? extends CellMagic> factory) {
            magics.add(MagicDefinition.cell(factory));
            return this;
        }

        /**
         * An experiment magic: none of the parts may be missing, and the example must be words
         * the magic takes (the tests run it).
         */
        <M extends LineMagic, R> Builder experiment(Supplier<M> factory, Class<R> resultType,
                                                    Function<? super R, Bundle> view, Function<? super R, Reading> reading,
                                                    ExperimentRegistration.Measurement<M, R> measurement, String example) {
            MagicDefinition magic = MagicDefinition.line(factory);
            Objects.requireNonNull(resultType, () -> magic.display() + " needs a result type");
            Objects.requireNonNull(view, () -> magic.display() + " needs a view");
            Objects.requireNonNull(reading, () -> magic.display() + " needs a reading");
            Objects.requireNonNull(measurement, () -> magic.display() + " needs a measurement");
            if (example == null || example.isBlank()) {
                throw new IllegalStateException(magic.display() + " needs small example arguments");
            }
            magics.add(magic);
            experiments.add(new ExperimentRegistration<>(magic, resultType, view, reading, measurement, example));
            views.add(() -> Views.register(resultType, view));
            views.add(() -> Readings.register(resultType, reading));
            return this;
        }

        /** How a result shows that no experiment magic of its own measures (the machine, a saved file, a C run). */
        <T> Builder view(Class<T> type, Function<? super T, Bundle> view) {
            views.add(() -> Views.register(type, view));
            return this;
        }

        Registrations build() {
            return new Registrations(this);
        }
    }
}
