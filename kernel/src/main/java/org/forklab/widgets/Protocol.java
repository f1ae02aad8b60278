package org.forklab.widgets;

/**
 * The names the widget front end (ipywidgets 8, jupyterlab_widgets 3) knows: protocol version,
 * comm targets, model modules and their versions, and the display MIME type.
 */
public final class Protocol {
    /** Sent as comm_open metadata; the front end refuses a widget comm without it. */
    public static final String VERSION = "2.1.0";
    public static final int VERSION_MAJOR = 2;
    public static final int VERSION_MINOR = 1;
    public static final String WIDGET_TARGET = "jupyter.widget";
    /** The front end opens a comm here after a page reload and asks for every widget's state. */
    public static final String CONTROL_TARGET = "jupyter.widget.control";
    public static final String VIEW_MIME = "application/vnd.jupyter.widget-view+json";

    public static final String CONTROLS = "@jupyter-widgets/controls";
    public static final String CONTROLS_VERSION = "2.0.0";
    public static final String BASE = "@jupyter-widgets/base";
    public static final String BASE_VERSION = "2.0.0";
    public static final String OUTPUT = "@jupyter-widgets/output";
    public static final String OUTPUT_VERSION = "1.0.0";

    /** How one widget's state refers to another (children, layout, style). */
    public static final String REFERENCE_PREFIX = "IPY_MODEL_";

    private Protocol() {
    }
}
