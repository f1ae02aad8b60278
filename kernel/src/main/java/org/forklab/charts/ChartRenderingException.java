package org.forklab.charts;

/**
 * A chart could not be drawn. The message is one line fit to show a student as it is; the
 * cause keeps the details for a developer.
 */
public final class ChartRenderingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What to install when AWT finds no fonts (Debian/Ubuntu package names). */
    public static final String MISSING_FONTS = "Cannot draw charts: Java found no usable fonts. "
            + "Install fontconfig and a font, for example: apt-get install fontconfig fonts-dejavu-core";

    private final boolean missingFonts;

    ChartRenderingException(String message, Throwable cause, boolean missingFonts) {
        super(message, cause);
        this.missingFonts = missingFonts;
    }

    static ChartRenderingException missingFonts(Throwable cause) {
        return new ChartRenderingException(MISSING_FONTS, cause, true);
    }

    /** True when the failure is the machine lacking fonts or fontconfig. */
    public boolean isMissingFonts() {
        return missingFonts;
    }
}
