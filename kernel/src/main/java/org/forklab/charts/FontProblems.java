package org.forklab.charts;

import java.util.Locale;

/**
 * Recognises the ways AWT fails on a machine without fontconfig or fonts: "Fontconfig head is
 * null", "Probable fatal error: No fonts found", a missing libfreetype/libfontmanager, an
 * error or NullPointerException thrown inside sun.font or sun.awt's font manager, and the
 * NoClassDefFoundError that follows once such a class failed to initialise.
 */
final class FontProblems {

    private FontProblems() {
    }

    static boolean isFontProblem(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (message.contains("font") || message.contains("freetype")) {
                return true;
            }
            for (StackTraceElement frame : t.getStackTrace()) {
                String cls = frame.getClassName();
                if (cls.startsWith("sun.font.") || cls.contains("FontManager") || cls.contains("FontConfiguration")) {
                    return true;
                }
            }
        }
        return false;
    }
}
