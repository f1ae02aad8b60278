package org.forklab.widgets;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.StreamHandler;

/**
 * The one log line a refused front-end message leaves in the kernel's log (its standard error,
 * which the Jupyter server shows), never in a cell: it comes from the front end, not the cell.
 */
final class WidgetLog {
    private static final Logger LOG = Logger.getLogger("org.forklab.widgets");
    private static final int MAX_ECHO = 80;

    static {
        // The process's own stderr, not System.err: during a cell that is the cell's stream.
        StreamHandler handler = new StreamHandler(new FileOutputStream(FileDescriptor.err), new Formatter() {
            @Override
            public String format(LogRecord record) {
                return record.getMessage() + System.lineSeparator();
            }
        }) {
            @Override
            public synchronized void publish(LogRecord record) {
                super.publish(record);
                flush();
            }
        };
        LOG.addHandler(handler);
        LOG.setUseParentHandlers(false);
    }

    private WidgetLog() {
    }

    static void refused(String what) {
        LOG.warning("widget: refused " + what);
    }

    /** A front end's text cut to a readable length, on one line. */
    static String clip(Object text) {
        String s = String.valueOf(text).replaceAll("\\s+", " ");
        return s.length() <= MAX_ECHO ? s : s.substring(0, MAX_ECHO - 1) + "…";
    }
}
