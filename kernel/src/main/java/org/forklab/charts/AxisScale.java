package org.forklab.charts;

/** Linear or logarithmic value axis; AUTO picks log when the data span many decades. */
public enum AxisScale {
    AUTO, LINEAR, LOG;

    /** Ratio max/min beyond which AUTO goes logarithmic: 1.5 decades. */
    public static final double LOG_SPAN = Math.pow(10, 1.5);

    /** Whether to draw {@code min..max} on a log axis. Log needs positive values. */
    public boolean logFor(double min, double max) {
        return switch (this) {
            case LINEAR -> false;
            case LOG -> min > 0;
            case AUTO -> min > 0 && max / min > LOG_SPAN;
        };
    }
}
