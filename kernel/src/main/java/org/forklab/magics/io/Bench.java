package org.forklab.magics.io;

import java.io.PrintStream;

/**
 * What a running magic may use: the screen, a binder for {@code --as}, and the session log.
 * One is made per call; the same one serves the Java facade.
 */
public final class Bench {
    private final Screen screen;
    private final Binder binder;
    private final Session session;

    public Bench(Screen screen, Binder binder, Session session) {
        this.screen = screen;
        this.binder = binder;
        this.session = session;
    }

    public Screen screen() {
        return screen;
    }

    public PrintStream out() {
        return screen.out();
    }

    public PrintStream err() {
        return screen.err();
    }

    public Session session() {
        return session;
    }

    public Progress progress(String title) {
        return Progress.start(screen, title);
    }

    public void show(Bundle bundle) {
        screen.display(bundle.toDisplayData(null));
    }

    /** Binds {@code value} under {@code name} (when given) with its own class as static type. */
    public void bind(String name, Object value) {
        if (name != null) {
            binder.bind(name, value.getClass(), value);
        }
    }
}
